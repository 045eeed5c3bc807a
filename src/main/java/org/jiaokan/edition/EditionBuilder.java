package org.jiaokan.edition;

import org.jiaokan.validate.RelaxNgValidator;
import org.jiaokan.validate.Schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds an edition folder: {@code edition.xml} (the edition's TEI corpus header), {@code sources/}
 * (raw files, never changed), {@code docs/} (one TEI file per source, and the registers), and
 * {@code schema/}. Every TEI file written is checked against Jiaokan's schema.
 */
public final class EditionBuilder {
    public static final String HEADER = "edition.xml";
    public static final String SOURCES = "sources";
    public static final String DOCS = "docs";

    /** The result: the conversion's, plus schema errors of the files written. */
    public record Result(Conversion.Result conversion, List<String> invalid) {
        public boolean ok() { return conversion.ok() && invalid.isEmpty(); }
    }

    private final Toolkit toolkit;

    public EditionBuilder(Toolkit toolkit) {
        this.toolkit = toolkit;
    }

    public Result build(Path editionDir, Conversion.Listener listener) throws IOException, EditionHeader.EditionException {
        Path headerFile = editionDir.resolve(HEADER);
        if (!Files.isRegularFile(headerFile)) {
            throw new EditionHeader.EditionException(editionDir + ": not an edition folder (no " + HEADER + ")");
        }
        EditionHeader header = EditionHeader.read(headerFile);
        Path sources = editionDir.resolve(SOURCES);
        if (!Files.isDirectory(sources)) throw new EditionHeader.EditionException(editionDir + ": no " + SOURCES + "/ folder");
        List<Path> inputs;
        try (Stream<Path> s = Files.list(sources)) {
            inputs = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        Path docs = editionDir.resolve(DOCS);
        Conversion.Result r = new Conversion(toolkit, header.edition()).run(inputs, docs, null, listener);

        RelaxNgValidator schema = Schemas.jiaokan();
        List<String> invalid = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        for (TeiFiles.Outcome o : r.outcomes()) {
            for (String err : schema.validate(o.bytes(), o.file().toUri().toString())) {
                invalid.add(o.file() + ":" + err);
            }
            hrefs.add(DOCS + "/" + o.file().getFileName());
        }
        header.writeDocumentList(hrefs);
        return new Result(r, invalid);
    }
}
