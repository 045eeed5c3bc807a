package org.jiaokan.serve.oai;

import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;
import io.gdcc.xoai.services.impl.SimpleResumptionTokenFormat;

/**
 * The library's resumption tokens, with every token it cannot read (bad base64, a mangled field)
 * answered as {@code badResumptionToken} rather than failing the request.
 */
final class SafeTokenFormat implements ResumptionTokenFormat {
    private final ResumptionTokenFormat inner;

    SafeTokenFormat(Granularity granularity) {
        this.inner = new SimpleResumptionTokenFormat().withGranularity(granularity);
    }

    private SafeTokenFormat(ResumptionTokenFormat inner) {
        this.inner = inner;
    }

    @Override
    public ResumptionTokenFormat withGranularity(Granularity granularity) {
        return new SafeTokenFormat(inner.withGranularity(granularity));
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
        return v;
    }

    private static BadResumptionTokenException notIssued() {
        return new BadResumptionTokenException("The resumption token is not one this repository issued");
    }
}
