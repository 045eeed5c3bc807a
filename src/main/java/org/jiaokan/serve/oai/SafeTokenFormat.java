package org.jiaokan.serve.oai;

import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;
import io.gdcc.xoai.services.impl.SimpleResumptionTokenFormat;

/**
 * The library's resumption tokens, with every token it cannot read (bad base64, a mangled field), and a list of
 * sets' token past the last set, answered as {@code badResumptionToken} rather than failing the request.
 */
final class SafeTokenFormat implements ResumptionTokenFormat {
    private final ResumptionTokenFormat inner;
    private final int sets;

    /** @param sets the sets of the repository the tokens are read for: a list of sets pages through them */
    SafeTokenFormat(Granularity granularity, int sets) {
        this(new SimpleResumptionTokenFormat().withGranularity(granularity), sets);
    }

    private SafeTokenFormat(ResumptionTokenFormat inner, int sets) {
        this.inner = inner;
        this.sets = sets;
    }

    @Override
    public ResumptionTokenFormat withGranularity(Granularity granularity) {
        return new SafeTokenFormat(inner.withGranularity(granularity), sets);
    }

    @Override
    public String format(ResumptionToken.Value value) {
        return inner.format(value);
    }

    /**
     * The token's value, where it is one this repository could have issued: an offset of zero or more, and one of its
     * metadata prefixes where it names one (a list of sets names none). Anything else is
     * {@code badResumptionToken} with one message that echoes nothing of the token: the library's own message for a
     * token it cannot read holds the token's decoded bytes, control characters among them, which no XML can carry.
     */
    @Override
    public ResumptionToken.Value parse(String token) throws BadResumptionTokenException {
        if (token == null || token.isEmpty()) throw new BadResumptionTokenException("The resumption token is empty");
        ResumptionToken.Value v;
        try {
            v = inner.parse(token);
        } catch (BadResumptionTokenException | RuntimeException e) {
            throw notIssued();
        }
        if (v == null || !v.hasOffset() || v.getOffset() < 0
                || v.hasMetadataPrefix() && OaiFormat.forPrefix(v.getMetadataPrefix()).isEmpty()) {
            throw notIssued();
        }
        // A list of sets' token (it names no prefix) past the last set: the library's own paging of the sets fails on
        // it (a server error), where the list of items answers a token past its end as stale. A set removed since
        // the token was issued makes one.
        if (!v.hasMetadataPrefix() && v.getOffset() > 0 && v.getOffset() >= sets) {
            throw new BadResumptionTokenException(OaiRepository.StaleToken.MESSAGE);
        }
        return v;
    }

    private static BadResumptionTokenException notIssued() {
        return new BadResumptionTokenException("The resumption token is not one this repository issued");
    }
}
