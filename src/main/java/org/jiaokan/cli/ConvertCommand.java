package org.jiaokan.cli;

import org.jiaokan.edition.Conversion;
import org.jiaokan.edition.EditionHeader;
import org.jiaokan.edition.Toolkit;
import org.jiaokan.model.Edition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jiaokan convert}: one TEI file per input. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts raw documents (plain text in UTF-8/UTF-16/GB18030/GBK/Big5, HTML, DOCX) into TEI P5, "
                + "one file per input, plus registers.xml with the persons, places and organisations found; "
                + "each raw input is copied byte for byte into DIR/sources/.",
                "A TEI file that already exists is merged: an editor's corrections in it are kept."})
final class ConvertCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "target/tei")
    Path output;

    @Option(names = "--encoding", paramLabel = "CHARSET", converter = CharsetName.class,
            description = "Decode text and HTML inputs with this encoding instead of detecting it (e.g. GB18030, Big5); "
                    + "DOCX files ignore it.")
    Charset encoding;

    @Option(names = "--edition", paramLabel = "FILE",
            description = "An edition.xml whose metadata (publisher, licence, base URL) goes into every header.")
    Path editionFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress or notices; errors only.")
    boolean quiet;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files to convert; a folder stands for every file under it (hidden ones aside), in order of their paths.")
    List<Path> inputs;

    /** An encoding name, refused in words rather than with the JDK's exception. */
    static final class CharsetName implements CommandLine.ITypeConverter<Charset> {
        @Override
        public Charset convert(String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown encoding '" + name + "' (try UTF-8, GB18030, Big5, UTF-16LE)");
            }
        }
    }

    /** The path with its links resolved as far as it exists, absolute and normalised. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (java.io.IOException e) {
            return abs;
        }
    }

    @Override
    public Integer call() throws Exception {
        Edition edition = Edition.standalone();
        if (editionFile != null) {
            try {
                edition = EditionHeader.read(editionFile).edition();
            } catch (EditionHeader.EditionException e) {
                Output.error(e.getMessage());
                return 2;
            }
        }
        // The TEI files and the sources' copies written inside a folder converted would be its inputs the next time
        // (already edition documents, sources converted twice).
        Path out = real(output);
        for (Path in : inputs) {
            Path folder = real(in);
            // a hidden folder inside it (.out) is never read as input
            if (Files.isDirectory(in) && out.startsWith(folder) && !org.jiaokan.io.InputFiles.hidden(folder.relativize(out))) {
                Output.error(output + ": inside the folder converted (" + in + "), where its TEI files and the copies of the sources"
                        + " would be read as inputs the next time; write elsewhere, or build an edition folder with 'jiaokan build'");
                return 2;
            }
        }
        try (org.jiaokan.io.OutputLock lock = org.jiaokan.io.OutputLock.acquire(output, "convert")) {
            org.jiaokan.io.InputFiles.Expanded files = org.jiaokan.io.InputFiles.expand(inputs);
            Conversion.Result r = new Conversion(Toolkit.get(), edition).withRefusals(files.refused())
                    .run(files.files(), output, encoding, true, new Output(quiet));
            return r.ok() ? 0 : 1;
        } catch (java.io.IOException e) {
            Output.error(e.getMessage());
            return 2;
        }
    }
}
