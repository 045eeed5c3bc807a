package org.jiaokan.cli;

import org.jiaokan.validate.IdUniqueness;
import org.jiaokan.validate.RelaxNgValidator;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.XIncludes;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jiaokan validate}: TEI files against Jiaokan's schema and, where present, tei_all. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks TEI files against Jiaokan's RELAX NG schema and against the TEI Consortium's tei_all.rng "
                + "(XIncludes are expanded first; every xml:id must be unique in a file with its XIncludes expanded; tei_all is found at ../shared/external/tei-schema-tei_all/tei_all.rng or named with --tei-all; skipped with a "
                + "notice when absent). Prints one line per error and exits 1 if any file is invalid.")
final class ValidateCommand implements Callable<Integer> {
    /** The reason given for a document nested too deeply for the checks' walks of its tree. */
    static final String TOO_DEEP = "elements nested too deeply to check (thousands of levels); not checked";

    @Option(names = "--tei-all", paramLabel = "RNG", description = "Path of tei_all.rng.")
    Path teiAll;

    @Option(names = "--no-tei-all", description = "Check against Jiaokan's schema only.")
    boolean noTeiAll;

    @Parameters(paramLabel = "TEI", arity = "1..*", description = "TEI files to check.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        List<RelaxNgValidator> validators = new ArrayList<>();
        validators.add(Schemas.jiaokan());
        if (!noTeiAll) {
            Path rng = teiAll != null ? teiAll : Schemas.TEI_ALL;
            Optional<RelaxNgValidator> all = Schemas.teiAll(rng);
            if (all.isPresent()) validators.add(all.get());
            else if (teiAll != null) {
                Output.error(teiAll + ": no such schema");
                return 2;
            } else Output.notice(rng + " not found; checking against jiaokan.rng only");
        }
        int bad = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                Output.error(f + (Files.exists(f) ? ": not a regular file" : ": no such file"));
                bad++;
                continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            String where = "";
            List<String> duplicates;
            try {
                Document doc = Xml.parse(bytes);
                java.util.Map<org.w3c.dom.Element, String> origins = new java.util.HashMap<>();
                if (XIncludes.has(doc)) {
                    bytes = XmlWriter.bytes(XIncludes.expand(doc, f.toAbsolutePath().getParent(), origins));
                    where = ", in the document with its XIncludes expanded";
                }
                // Ids are unique within one document, and within a corpus file with its XIncludes
                // expanded; files given separately are separate documents.
                duplicates = IdUniqueness.duplicates(doc.getDocumentElement(), f.toString(), origins);
            } catch (SAXException | IOException e) {
                String xml = org.jiaokan.io.XmlErrors.wellFormedness(e);
                Output.error(f + ": " + (xml != null ? xml : e.getMessage()));
                bad++;
                continue;
            } catch (StackOverflowError e) {
                // one line, and the next file: the walks of a tree nested thousands deep run out of stack
                Output.error(f + ": " + TOO_DEEP);
                bad++;
                continue;
            }
            boolean ok = duplicates.isEmpty();
            for (String d : duplicates) Output.error(f + ": " + d);
            try {
                for (RelaxNgValidator v : validators) {
                    for (String err : v.validate(bytes, f.toUri().toString())) {
                        Output.error(f + ":" + err + " (" + v.schemaName() + where + ")");
                        ok = false;
                    }
                }
            } catch (StackOverflowError e) {
                Output.error(f + ": " + TOO_DEEP);
                ok = false;
            }
            if (ok) System.out.println(f + ": valid (" + String.join(", ", validators.stream().map(RelaxNgValidator::schemaName).toList()) + ")");
            else bad++;
        }
        return bad == 0 ? 0 : 1;
    }
}
