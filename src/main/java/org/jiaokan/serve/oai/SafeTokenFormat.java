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

    @Override
    public ResumptionToken.Value parse(String token) throws BadResumptionTokenException {
        if (token == null || token.isEmpty()) throw new BadResumptionTokenException("The resumption token is empty");
        try {
            ResumptionToken.Value v = inner.parse(token);
            if (v == null || (v.hasOffset() && v.getOffset() < 0)) throw new BadResumptionTokenException("The resumption token is not one this repository issued");
            return v;
        } catch (RuntimeException e) {
            throw new BadResumptionTokenException("The resumption token is not one this repository issued");
        }
    }
}
