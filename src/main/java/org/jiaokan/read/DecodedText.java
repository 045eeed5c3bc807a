package org.jiaokan.read;

/**
 * Decoded source text with the encoding used and how it was chosen.
 *
 * @param text     the decoded characters, without any byte-order mark
 * @param encoding canonical Java charset name ("UTF-8", "GB18030", "Big5", ...)
 * @param evidence one English sentence saying how the encoding was found
 */
record DecodedText(String text, String encoding, String evidence) {}
