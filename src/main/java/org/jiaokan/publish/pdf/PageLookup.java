package org.jiaokan.publish.pdf;

import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.ExtensionFunctionCall;
import net.sf.saxon.lib.ExtensionFunctionDefinition;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.value.SequenceType;
import net.sf.saxon.value.StringValue;
import org.apache.fop.area.AreaTreeHandler;
import org.apache.fop.area.PageViewport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The page numbers a PDF's XSL-FO cites, answered while FOP lays it out, so that each PDF is laid out once and FOP
 * never holds pages back for a forward reference.
 * <ul>
 * <li>{@code layout:page($id)}, for the index, which stands last: FOP lays out each page sequence as soon as the
 * stylesheet has written it (the stylesheet pushes its result into FOP as it goes), so by the time the index is
 * written every mention before it has its page in FOP's id tracker.</li>
 * <li>{@code layout:predicted($id)}, for the edition's contents, which stand first: the page an id will have,
 * worked out from the layout of each document's own PDF (the edition's documents are laid out on the same page
 * master as the documents' PDFs, and their numbers continue from 1 after the roman-numbered front matter, so a
 * document's pages are its own PDF's, moved by the pages of the documents before it). The stylesheet writes an
 * {@code fo:page-number-citation} where there is no prediction.</li>
 * </ul>
 * Every answer is checked against where the id really fell once the layout is over ({@link #wrong()}); should any
 * differ, the PDF is laid out again with the first layout's pages ({@link #actual()}), so a wrong prediction costs
 * time, never a wrong number.
 */
final class PageLookup {
    static final String NS = "urn:x-jiaokan:layout";
    private static final ThreadLocal<PageLookup> CURRENT = new ThreadLocal<>();

    private final Function<String, String> predicted;
    private final AreaTreeHandler tracker;
    /** Each id asked, with the first answer given (live or predicted). */
    private final Map<String, String> live = new LinkedHashMap<>();
    private final Map<String, String> foretold = new LinkedHashMap<>();
    private boolean changed;

    /** {@code tracker} null: nothing laid out (the XSL-FO alone is wanted). */
    PageLookup(AreaTreeHandler tracker, Function<String, String> predicted) {
        this.tracker = tracker;
        this.predicted = predicted == null ? id -> null : predicted;
    }

    /** Runs {@code body} with this lookup answering the stylesheet's {@code layout:} functions on this thread. */
    <T, E extends Exception> T during(Body<T, E> body) throws E {
        PageLookup before = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.run();
        } finally {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        }
    }

    interface Body<T, E extends Exception> { T run() throws E; }

    /** The page label of the first page {@code id} is on so far, or "". */
    String page(String id) {
        String n = laidOut(id);
        String first = live.putIfAbsent(id, n);
        if (first != null && !first.equals(n)) changed = true;
        return n;
    }

    /** The page {@code id} is expected on, or "" when there is no prediction. */
    String predicted(String id) {
        String n = predicted.apply(id);
        if (n == null) n = "";
        foretold.putIfAbsent(id, n);
        return n;
    }

    private String laidOut(String id) {
        if (tracker == null) return "";
        PageViewport p = tracker.getIDTracker().getFirstPageViewportContaining(id);
        return p == null ? "" : p.getPageNumberString();
    }

    /** After the layout: the ids whose page was given wrong (id → the page it is on), empty when every one holds. */
    Map<String, String> wrong() {
        Map<String, String> wrong = new LinkedHashMap<>();
        live.forEach((id, n) -> {
            String now = laidOut(id);
            if (changed || !now.equals(n)) wrong.put(id, now);
        });
        foretold.forEach((id, n) -> {
            String now = laidOut(id);
            // No prediction: the stylesheet cited the page, FOP filled it in.
            if (!n.isEmpty() && !now.equals(n)) wrong.put(id, now);
        });
        return wrong;
    }

    /** After the layout: every id asked about, with the page it is on. */
    Map<String, String> actual() {
        Map<String, String> all = new LinkedHashMap<>();
        live.keySet().forEach(id -> all.put(id, laidOut(id)));
        foretold.keySet().forEach(id -> all.put(id, laidOut(id)));
        return all;
    }

    /** {@code layout:page} and {@code layout:predicted}, for the print stylesheets' compiler. */
    static ExtensionFunctionDefinition[] functions() {
        return new ExtensionFunctionDefinition[]{function("page", false), function("predicted", true)};
    }

    private static ExtensionFunctionDefinition function(String name, boolean prediction) {
        return new ExtensionFunctionDefinition() {
            @Override
            public StructuredQName getFunctionQName() { return new StructuredQName("layout", NS, name); }

            @Override
            public SequenceType[] getArgumentTypes() { return new SequenceType[]{SequenceType.SINGLE_STRING}; }

            @Override
            public SequenceType getResultType(SequenceType[] suppliedArgumentTypes) { return SequenceType.SINGLE_STRING; }

            /** Its answer depends on when it is called: never moved, merged or evaluated early. */
            @Override
            public boolean hasSideEffects() { return true; }

            @Override
            public ExtensionFunctionCall makeCallExpression() {
                return new ExtensionFunctionCall() {
                    @Override
                    public Sequence call(XPathContext context, Sequence[] arguments) throws XPathException {
                        String id = arguments[0].head().getStringValue();
                        PageLookup lookup = CURRENT.get();
                        if (lookup == null) return new StringValue("");
                        return new StringValue(prediction ? lookup.predicted(id) : lookup.page(id));
                    }
                };
            }
        };
    }
}
