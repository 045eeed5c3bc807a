package org.jiaokan.publish.html;

import java.util.ArrayList;
import java.util.List;

import net.sf.saxon.event.PipelineConfiguration;
import net.sf.saxon.event.ProxyReceiver;
import net.sf.saxon.event.Receiver;
import net.sf.saxon.om.AttributeInfo;
import net.sf.saxon.om.AttributeMap;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.NamespaceMap;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.NodeName;
import net.sf.saxon.s9api.AbstractDestination;
import net.sf.saxon.s9api.Destination;
import net.sf.saxon.s9api.Location;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.serialize.SerializationProperties;
import net.sf.saxon.str.UnicodeString;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.type.SchemaType;

/**
 * A document page and its other-script twin from one transformation. The document stylesheet, given
 * {@code $twin}, writes one tree that holds both pages where they differ:
 * <ul>
 *   <li>an element {@code jk-main} (no namespace) holds what only the page in the document's own script shows;</li>
 *   <li>an element {@code jk-twin} holds what only the twin shows;</li>
 *   <li>an attribute {@code jk-twin-NAME} gives the twin's value of the attribute {@code NAME} of its element
 *       (in {@code NAME}'s place; added where the element has no {@code NAME}).</li>
 * </ul>
 * {@link #of} splits that tree, as it is made, into the two pages' destinations: each sees the events of its
 * own page only, so each page is what a transformation for it alone would have written. The two pages share
 * everything else of the work (the names' lookups, the lists, the panel, the frame), which is most of it.
 */
public final class TwinPages {
    /** The element holding what only the document's own page shows. */
    public static final String MAIN = "jk-main";
    /** The element holding what only the twin shows. */
    public static final String TWIN = "jk-twin";
    /** The prefix of an attribute giving the twin's value of another. */
    public static final String TWIN_ATTRIBUTE = "jk-twin-";

    private TwinPages() {}

    /** One destination for the transformation, writing the own page to {@code main} and the twin to {@code twin}. */
    public static Destination of(Destination main, Destination twin, Marks marks) {
        return new net.sf.saxon.s9api.TeeDestination(new Side(main, false, marks), new Side(twin, true, null));
    }

    /** Counts what the transformation marked, so that a theme that marks nothing can be told apart. */
    public static final class Marks {
        int n;

        /** Whether the transformation wrote any element or attribute of the twin. */
        public boolean any() {
            return n > 0;
        }
    }

    private static final class Side extends AbstractDestination {
        private final Destination inner;
        private final boolean twin;
        private final Marks marks;

        Side(Destination inner, boolean twin, Marks marks) {
            this.inner = inner;
            this.twin = twin;
            this.marks = marks;
        }

        @Override
        public Receiver getReceiver(PipelineConfiguration pipe, SerializationProperties params) throws SaxonApiException {
            return new Filter(inner.getReceiver(pipe, params), twin, marks);
        }

        @Override
        public void close() throws SaxonApiException {
            inner.close();
        }
    }

    /** Passes on the events of one of the two pages. */
    static final class Filter extends ProxyReceiver {
        private final boolean twin;
        private final Marks marks;
        /** Depth inside an element of the other page (its events are dropped); 0 outside one. */
        private int skip;
        /** For each open element passed on or unwrapped: whether its end is passed on. */
        private boolean[] passed = new boolean[64];
        private int depth;
        /** The names' numbers in the configuration's name pool: most names the stylesheet writes carry one. */
        private final int mainFingerprint;
        private final int twinFingerprint;
        /** The attribute names (by number) already looked at, and those of them that give a twin's value. */
        private final java.util.BitSet seen = new java.util.BitSet();
        private final java.util.BitSet twinValue = new java.util.BitSet();

        Filter(Receiver next, boolean twin, Marks marks) {
            super(next);
            this.twin = twin;
            this.marks = marks;
            net.sf.saxon.om.NamePool pool = next.getPipelineConfiguration().getConfiguration().getNamePool();
            mainFingerprint = pool.allocateFingerprint(NamespaceUri.NULL, MAIN);
            twinFingerprint = pool.allocateFingerprint(NamespaceUri.NULL, TWIN);
        }

        /**
         * Whether an element is the one of this local name in no namespace: by its number in the name pool where
         * it has one (looking its parts up in the pool costs more than the rest of this filter).
         */
        private static boolean ours(NodeName name, int fingerprint, String local) {
            if (name.hasFingerprint()) return name.getFingerprint() == fingerprint;
            return name.hasURI(NamespaceUri.NULL) && name.getLocalPart().equals(local);
        }

        /** Whether an attribute gives the twin's value of another ({@code jk-twin-NAME}), each name looked at once. */
        private boolean twinValue(NodeName n) {
            if (!n.hasFingerprint()) return isTwinValue(n);
            int fp = n.getFingerprint();
            if (seen.get(fp)) return twinValue.get(fp);
            boolean is = isTwinValue(n);
            seen.set(fp);
            if (is) twinValue.set(fp);
            return is;
        }

        private static boolean isTwinValue(NodeName n) {
            return n.hasURI(NamespaceUri.NULL) && n.getLocalPart().startsWith(TWIN_ATTRIBUTE);
        }

        @Override
        public void startElement(NodeName name, SchemaType type, AttributeMap attributes, NamespaceMap namespaces,
                Location location, int properties) throws XPathException {
            if (skip > 0) {
                skip++;
                return;
            }
            boolean main = ours(name, mainFingerprint, MAIN);
            if (main || ours(name, twinFingerprint, TWIN)) {
                if (marks != null) marks.n++;
                if (main == twin) {
                    skip = 1;
                } else {
                    push(false);
                }
                return;
            }
            push(true);
            nextReceiver.startElement(name, type, twinAttributes(attributes, location), namespaces, location, properties);
        }

        private AttributeMap twinAttributes(AttributeMap attributes, Location location) {
            List<AttributeInfo> marked = null;
            for (AttributeInfo a : attributes) {
                if (twinValue(a.getNodeName())) {
                    if (marked == null) marked = new ArrayList<>(2);
                    marked.add(a);
                }
            }
            if (marked == null) return attributes;
            if (marks != null) marks.n++;
            AttributeMap out = attributes;
            for (AttributeInfo a : marked) {
                out = out.remove(a.getNodeName());
                if (!twin) continue;
                String target = a.getNodeName().getLocalPart().substring(TWIN_ATTRIBUTE.length());
                AttributeInfo existing = out.get(NamespaceUri.NULL, target);
                if (existing == null) {
                    out = out.put(new AttributeInfo(new net.sf.saxon.om.NoNamespaceName(target), a.getType(), a.getValue(), location, a.getProperties()));
                } else {
                    // in the attribute's own place: the page's attributes keep their order. Not with the flag by which
                    // the serializer writes a value known to hold no character to escape: the twin's value may hold one
                    AttributeInfo replacement = new AttributeInfo(existing.getNodeName(), existing.getType(), a.getValue(),
                            existing.getLocation(), existing.getProperties() & ~net.sf.saxon.event.ReceiverOption.NO_SPECIAL_CHARS);
                    out = out.apply(x -> x == existing ? replacement : x);
                }
            }
            return out;
        }

        private void push(boolean pass) {
            if (depth == passed.length) passed = java.util.Arrays.copyOf(passed, depth * 2);
            passed[depth++] = pass;
        }

        @Override
        public void endElement() throws XPathException {
            if (skip > 0) {
                skip--;
                return;
            }
            if (passed[--depth]) nextReceiver.endElement();
        }

        @Override
        public void characters(UnicodeString chars, Location location, int properties) throws XPathException {
            if (skip == 0) nextReceiver.characters(chars, location, properties);
        }

        @Override
        public void comment(UnicodeString chars, Location location, int properties) throws XPathException {
            if (skip == 0) nextReceiver.comment(chars, location, properties);
        }

        @Override
        public void processingInstruction(String target, UnicodeString data, Location location, int properties) throws XPathException {
            if (skip == 0) nextReceiver.processingInstruction(target, data, location, properties);
        }

        @Override
        public void append(Item item, Location location, int copyNamespaces) throws XPathException {
            // nodes go through this filter's own events; anything else as it is
            if (item instanceof NodeInfo) {
                decompose(item, location, copyNamespaces);
            } else if (skip == 0) {
                nextReceiver.append(item, location, copyNamespaces);
            }
        }
    }
}
