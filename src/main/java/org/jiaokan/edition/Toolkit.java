package org.jiaokan.edition;

import org.jiaokan.annotate.ChineseAnnotator;
import org.jiaokan.clean.Cleaner;
import org.jiaokan.clean.CleaningRule;
import org.jiaokan.meta.MetadataExtractor;
import org.jiaokan.structure.StructureRecogniser;
import org.jiaokan.tei.TeiWriter;
import org.jiaokan.model.Edition;

import java.util.Map;
import java.util.TreeMap;

/** The stages, created once per run and shared: the expensive resources (dictionaries) load once. */
public final class Toolkit {
    /** The toolkit version written into every TEI header. */
    public static final String VERSION = "0.1.0";
    /** File name of the registers, beside the TEI documents. */
    public static final String REGISTER_FILE = "registers.xml";

    private static volatile Toolkit shared;

    /** The stages, loaded on first use: a build whose documents all come from its cache never needs them. */
    private volatile Stages stages;

    private record Stages(Converter converter, Map<String, String> ruleDescriptions) {}

    private Toolkit() {}

    private Stages stages() {
        Stages s = stages;
        if (s == null) {
            synchronized (this) {
                if (stages == null) {
                    Cleaner cleaner = new Cleaner();
                    Converter converter = new Converter(cleaner, new StructureRecogniser(), new ChineseAnnotator(), new MetadataExtractor());
                    Map<String, String> d = new TreeMap<>();
                    for (CleaningRule r : cleaner.rules()) d.put(r.name(), r.description());
                    stages = new Stages(converter, Map.copyOf(d));
                }
                s = stages;
            }
        }
        return s;
    }

    /** The one toolkit of this process. */
    public static Toolkit get() {
        Toolkit t = shared;
        if (t == null) {
            synchronized (Toolkit.class) {
                if (shared == null) shared = new Toolkit();
                t = shared;
            }
        }
        return t;
    }

    public Converter converter() { return stages().converter(); }

    public TeiWriter writer(Edition edition) {
        return new TeiWriter(edition, VERSION, stages().ruleDescriptions(), REGISTER_FILE);
    }
}
