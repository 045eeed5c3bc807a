package org.jiaokan.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One output of {@code publish} beside the HTML site (the print edition, the catalogue records), made
 * from the same sorted inputs into the same output folder. Implementations publish documents in
 * parallel and report one error line per input that failed, never stopping at the first.
 */
public interface OutputFormat {
    /** The name given to {@code --formats}. */
    String name();

    /**
     * Publishes {@code in} into {@code out}.
     *
     * @param formats every format of this run, so that an output may link to the others
     * @param threads worker threads to use
     */
    Result publish(Publisher.Inputs in, Path out, Set<String> formats, int threads) throws IOException;

    /** Documents published and one error line ({@code FILE: reason}) per input that failed. */
    record Result(int documents, List<String> errors) {}
}
