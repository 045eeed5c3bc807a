package org.jiaokan.model;

/**
 * Register keys of names that hold only inside one document: an organisation named relative to a
 * place the document does not make known (市公安局) gets the key {@code 市公安局--DOCID}, so its
 * register entry's id includes the document and it is never merged with the same spelling in
 * another document.
 */
public final class RegisterKey {
    /** Separates the name from the document id in a document-local key. Organisation names hold no "-". */
    public static final String LOCAL_MARK = "--";

    private RegisterKey() {}

    /** The key of {@code name} local to the document {@code documentId}. */
    public static String local(String name, String documentId) {
        return name + LOCAL_MARK + documentId;
    }

    /** True for a document-local key. */
    public static boolean isLocal(String key) {
        return key.indexOf(LOCAL_MARK) > 0;
    }

    /** The name a key stands for: the key itself, or the name part of a document-local key. */
    public static String nameOf(String key) {
        int at = key.indexOf(LOCAL_MARK);
        return at > 0 ? key.substring(0, at) : key;
    }

    /** The document part of a document-local key, or "". */
    public static String documentOf(String key) {
        int at = key.indexOf(LOCAL_MARK);
        return at > 0 ? key.substring(at + LOCAL_MARK.length()) : "";
    }
}
