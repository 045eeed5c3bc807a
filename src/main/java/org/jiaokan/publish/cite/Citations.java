package org.jiaokan.publish.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLDateBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import org.w3c.dom.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Citations of the documents of one edition: a CSL item made from each TEI header, formatted in
 * GB/T 7714-2015, Chicago and APA by citeproc-java (a CSL processor in plain Java) with the styles
 * and locales of the Citation Style Language project, plus BibTeX, RIS and CSL-JSON.
 *
 * <p>Make one per run ({@link #forEdition}) and call {@link #of} once per document, from any
 * number of threads: a CSL engine parses its style when it is made, so the engines are made once
 * and reused for every document cited, one thread at a time, in this run and the later ones.
 *
 * <p>The cited resource is the edition's page of the document (an online resource: GB/T's [EB/OL]),
 * with the edition as the site it is part of. No access date is given: the files are static, and a
 * reader adds the date they consulted the page.
 */
public final class Citations {

    /** GB/T 7714-2015, numeric (the list number is left off: a "cite this" panel holds one reference). */
    public static final String GBT7714_STYLE = "china-national-standard-gb-t-7714-2015-numeric";
    /** The Chicago Manual of Style, notes and bibliography (bibliography entries). */
    public static final String CHICAGO_STYLE = "chicago-note-bibliography";
    /** APA, 7th edition. */
    public static final String APA_STYLE = "apa";

    private final EditionInfo edition;
    /** GB/T's list number, which a citation of one document leaves out. */
    private static final java.util.regex.Pattern LIST_NUMBER = java.util.regex.Pattern.compile("^\\[1\\]\\s*");
    /**
     * The engines not in use, kept for every later run in this JVM (a rebuild of {@code watch} or {@code serve}, the
     * bench's rounds): making one parses its styles and locales, which costs more than citing hundreds of documents.
     * A call takes one for itself and gives it back; no two threads share one.
     */
    private static final java.util.concurrent.ConcurrentLinkedDeque<Engines> IDLE = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private Citations(EditionInfo edition) {
        this.edition = edition == null ? EditionInfo.NONE : edition;
    }

    public static Citations forEdition(EditionInfo edition) {
        return new Citations(edition);
    }

    public EditionInfo edition() {
        return edition;
    }

    /**
     * The citations of one TEI document. {@code canonicalUrl} is the address of the document's page
     * (with a {@code #fragment} for one paragraph); when null or empty the header's
     * {@code publicationStmt/idno[@type='URI']} is used.
     */
    public CitationSet of(Document tei, String canonicalUrl) {
        TeiHeaderData d = TeiHeaderData.of(tei, canonicalUrl);
        // Outside an edition, the file's own publicationStmt names its publisher.
        EditionInfo edition = this.edition.publisher().isEmpty() && !d.publisher().isEmpty()
                ? new EditionInfo(this.edition.title(), d.publisher(), this.edition.baseUrl()) : this.edition;
        Engines e = IDLE.pollFirst();
        if (e == null) e = new Engines();
        try {
            return of(d, edition, e);
        } finally {
            IDLE.offerFirst(e);
        }
    }

    private static CitationSet of(TeiHeaderData d, EditionInfo edition, Engines e) {
        // GB/T prints an online resource without a publisher as "(issued)[accessed]. URL": the form
        // the standard gives for a purely electronic document.
        String gbtLocale = "zh-TW".equals(d.language()) ? "zh-TW" : "zh-CN";
        String gbt = LIST_NUMBER.matcher(e.format(GBT7714_STYLE, gbtLocale, item(d, edition, false, true, false))).replaceFirst("");
        // Chicago puts the site's name in the author's place when there is no author: a document
        // without one is cited by its title, as the manual asks.
        String chicago = e.format(CHICAGO_STYLE, "en-US", item(d, edition, true, !d.authors().isEmpty(), false));
        String apa = e.format(APA_STYLE, "en-US", item(d, edition, true, true, false));
        String json = cslJson(item(d, edition, true, true, true));
        return new CitationSet(d.id(), gbt, chicago, apa, BibTeX.entry(d, edition), Ris.record(d, edition), json);
    }

    /**
     * The same citations by name ({@link CitationSet#asMap()}: gbt7714, chicago, apa, bibtex, ris,
     * csl-json), the shape of a provider that hands them to a stylesheet as parameters.
     */
    public java.util.Map<String, String> citations(Document tei, String canonicalUrl) {
        return of(tei, canonicalUrl).asMap();
    }

    /**
     * The CSL item of a document's header data. The styles would print {@code original-publisher}
     * as a reprint's, so the source the text was taken from goes only into the item's note, for
     * the CSL-JSON file ({@code withNote}).
     */
    static CSLItemData item(TeiHeaderData d, EditionInfo edition, boolean withPublisher, boolean withSite, boolean withNote) {
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(d.id().isEmpty() ? "item" : d.id()).type(CSLType.WEBPAGE);
        if (!d.title().isEmpty()) b.title(d.title());
        if (!d.authors().isEmpty()) {
            CSLName[] names = d.authors().stream()
                    // Chinese personal names and bodies are cited whole, never split into given and family names.
                    .map(a -> new CSLNameBuilder().literal(a.name()).build()).toArray(CSLName[]::new);
            b.author(names);
        }
        if (d.date() != null) {
            TeiHeaderData.IssuedDate t = d.date();
            CSLDateBuilder db = new CSLDateBuilder();
            if (t.month() > 0 && t.day() > 0) db.dateParts(t.year(), t.month(), t.day());
            else if (t.month() > 0) db.dateParts(t.year(), t.month());
            else db.dateParts(t.year());
            if (t.uncertain()) db.circa(true);
            b.issued(db.build());
        }
        if (withSite && !edition.title().isEmpty()) b.containerTitle(edition.title());
        if (withPublisher && !edition.publisher().isEmpty()) b.publisher(edition.publisher());
        if (withNote) {
            java.util.List<String> note = new java.util.ArrayList<>();
            if (d.devisedTitle()) note.add("Title devised by the editors");
            if (!d.originalSource().isEmpty()) note.add("Original source: " + d.originalSource());
            if (!d.originalUrl().isEmpty()) note.add("Original URL: " + d.originalUrl());
            if (!note.isEmpty()) b.note(String.join(". ", note));
        }
        if (!d.url().isEmpty()) b.URL(d.url());
        if (!d.language().isEmpty()) b.language(d.language());
        return b.build();
    }

    static String cslJson(CSLItemData item) {
        Object json = item.toJson(new StringJsonBuilderFactory().createJsonBuilder());
        return "[" + json + "]\n";
    }

    /** One thread's CSL engines, by style and locale, each fed one item at a time. */
    private static final class Engines {
        private final OneItem provider = new OneItem();
        private final Map<String, CSL> byStyle = new HashMap<>();

        String format(String style, String locale, CSLItemData item) {
            CSL csl = byStyle.computeIfAbsent(style + "|" + locale, k -> {
                try {
                    return new CSL(provider, style, locale);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot load the CSL style " + style + " (" + locale + ")", ex);
                }
            });
            provider.item = item;
            csl.reset();
            // reset() brings back the default output format (HTML).
            csl.setOutputFormat("text");
            csl.registerCitationItems(item.getId());
            String[] entries = csl.makeBibliography().getEntries();
            return entries.length == 0 ? "" : entries[0].strip();
        }
    }

    private static final class OneItem implements ItemDataProvider {
        CSLItemData item;

        @Override
        public CSLItemData retrieveItem(String id) {
            return item != null && item.getId().equals(id) ? item : null;
        }

        @Override
        public java.util.Collection<String> getIds() {
            return item == null ? java.util.List.of() : java.util.List.of(item.getId());
        }
    }
}
