package org.jiaokan.serve.oai;

import io.gdcc.xoai.dataprovider.exceptions.handler.CannotDisseminateFormatException;
import io.gdcc.xoai.dataprovider.exceptions.handler.HandlerException;
import io.gdcc.xoai.dataprovider.exceptions.handler.IdDoesNotExistException;
import io.gdcc.xoai.dataprovider.exceptions.InternalOAIException;
import io.gdcc.xoai.dataprovider.filter.ScopedFilter;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.ItemIdentifier;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.ItemRepository;
import io.gdcc.xoai.dataprovider.repository.ResultsPage;
import io.gdcc.xoai.dataprovider.repository.SetRepository;
import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The items and sets of an {@link OaiCatalog} as the OAI-PMH library asks for them: filtered by format,
 * set and datestamp range, in pages of the configured size, in the catalogue's stable order.
 */
final class OaiRepository implements ItemRepository, SetRepository {

    private final OaiCatalog catalog;
    private final Map<String, Set> sets;

    OaiRepository(OaiCatalog catalog) {
        this.catalog = catalog;
        this.sets = catalog.genres().stream().collect(Collectors.toMap(OaiCatalog.Genre::spec,
                g -> new Set(g.spec()).withName(g.name()), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The library's metadata formats, each shown only for the items that have a record in it. */
    static MetadataFormat format(OaiFormat f) {
        return MetadataFormat.metadataFormat(f.prefix)
                .withNamespace(f.namespace)
                .withSchemaLocation(f.schema)
                .withCondition(() -> item -> item instanceof OaiItem o && o.entry.records().containsKey(f));
    }

    // ---- SetRepository

    @Override
    public boolean supportSets() {
        return true;
    }

    @Override
    public List<Set> getSets() {
        return new ArrayList<>(sets.values());
    }

    @Override
    public boolean exists(String setSpec) {
        return sets.containsKey(setSpec);
    }

    // ---- ItemRepository

    @Override
    public ItemIdentifier getItemIdentifier(String identifier) throws IdDoesNotExistException {
        return item(identifier);
    }

    @Override
    public Item getItem(String identifier, MetadataFormat format) throws HandlerException {
        OaiItem item = item(identifier);
        OaiFormat f = OaiFormat.forPrefix(format.getPrefix()).orElseThrow(CannotDisseminateFormatException::new);
        if (!item.entry.records().containsKey(f)) {
            throw new CannotDisseminateFormatException("Format " + f.prefix + " is not available for this item");
        }
        return item.in(f);
    }

    @Override
    public ResultsPage<ItemIdentifier> getItemIdentifiers(List<ScopedFilter> filters, MetadataFormat format,
                                                          int max, ResumptionToken.Value token) throws HandlerException {
        return page(filters, format, max, token, i -> i);
    }

    @Override
    public ResultsPage<Item> getItems(List<ScopedFilter> filters, MetadataFormat format, int max,
                                      ResumptionToken.Value token) throws HandlerException {
        return page(filters, format, max, token, i -> i);
    }

    private <T> ResultsPage<T> page(List<ScopedFilter> filters, MetadataFormat format, int max,
                                    ResumptionToken.Value token, Function<OaiItem, T> as) throws HandlerException {
        OaiFormat f = OaiFormat.forPrefix(format.getPrefix()).orElseThrow(CannotDisseminateFormatException::new);
        List<OaiItem> matching = new ArrayList<>();
        for (OaiCatalog.Entry e : catalog.entries()) {
            if (!e.records().containsKey(f)) continue;
            if (token.hasSetSpec() && !e.setSpecs().contains(token.getSetSpec())) continue;
            Instant stamp = instant(e);
            if (token.hasFrom() && stamp.isBefore(token.getFrom())) continue;
            if (token.hasUntil() && stamp.isAfter(token.getUntil())) continue;
            OaiItem item = new OaiItem(e, f);
            if (filters != null && filters.stream().anyMatch(s -> !s.getCondition().isItemShown(item))) continue;
            matching.add(item);
        }
        long offset = token.hasOffset() ? token.getOffset() : 0;
        if (offset < 0 || (offset > 0 && offset >= matching.size())) throw new StaleToken();
        int from = (int) offset;
        int to = (int) Math.min(matching.size(), offset + max);
        List<T> list = matching.subList(from, to).stream().map(as).collect(Collectors.toList());
        return new ResultsPage<>(token, to < matching.size(), list, matching.size());
    }

    private OaiItem item(String identifier) throws IdDoesNotExistException {
        OaiCatalog.Entry e = catalog.entry(identifier).orElseThrow(IdDoesNotExistException::new);
        return new OaiItem(e, null);
    }

    static Instant instant(OaiCatalog.Entry e) {
        return e.datestamp().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A resumption token that points past the end of its list (the list has shrunk since it was issued). */
    static final class StaleToken extends HandlerException {
        /** The message of a token past the end of its list, for the lists of items and of sets alike. */
        static final String MESSAGE = "The resumption token points past the end of the list";

        StaleToken() {
            super(MESSAGE);
        }

        @Override
        public Error.Code getErrorCode() {
            return Error.Code.BAD_RESUMPTION_TOKEN;
        }
    }

    /** One item; its metadata is the record file of the format it was asked for, copied as it is. */
    final class OaiItem implements Item {
        final OaiCatalog.Entry entry;
        private final OaiFormat format;

        OaiItem(OaiCatalog.Entry entry, OaiFormat format) {
            this.entry = entry;
            this.format = format;
        }

        OaiItem in(OaiFormat f) {
            return new OaiItem(entry, f);
        }

        @Override
        public String getIdentifier() {
            return entry.identifier();
        }

        @Override
        public Instant getDatestamp() {
            return instant(entry);
        }

        @Override
        public List<Set> getSets() {
            List<Set> l = new ArrayList<>();
            for (String s : entry.setSpecs()) {
                Set set = sets.get(s);
                if (set != null) l.add(set);
            }
            return l;
        }

        @Override
        public boolean isDeleted() {
            return false;
        }

        @Override
        public Metadata getMetadata() {
            if (format == null) throw new InternalOAIException("no format asked for " + entry.identifier());
            try {
                byte[] bytes = OaiCatalog.record(entry.records().get(format), format);
                return Metadata.copyFromStream(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
