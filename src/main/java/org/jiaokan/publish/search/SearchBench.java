package org.jiaokan.publish.search;

import org.jiaokan.io.FileTrees;
import org.jiaokan.publish.ScriptStrings;
import org.jiaokan.script.ScriptConverter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The search benchmark behind {@code jiaokan bench search}: generates Chinese pages (as TEI for our indexer and as
 * HTML for Pagefind, the same text), indexes them with both, runs a fixed list of queries through both engines'
 * own search code under node, and compares the results with the pages that really contain each query in either
 * script.
 */
public final class SearchBench {

    /** One query of the fixed list, with its kind. */
    public record Query(String kind, String text) {}

    /** The fixed queries: names, two-character words, mid-word substrings, phrases, queries in the other script. */
    public static final List<Query> QUERIES = List.of(
            new Query("name", "叶寒冰"), new Query("name", "欧阳明辉"), new Query("name", "郑晓东"), new Query("name", "钟卫国"),
            new Query("word", "公安"), new Query("word", "会议"), new Query("word", "稳定"), new Query("word", "群众"),
            new Query("substring", "寒冰"), new Query("substring", "安机"), new Query("substring", "黑除"), new Query("substring", "晓东"),
            new Query("phrase", "扫黑除恶"), new Query("phrase", "维护稳定"), new Query("phrase", "公安机关"), new Query("phrase", "专项斗争"),
            new Query("phrase", "防范化解重大风险"),
            new Query("other-script", "葉寒冰"), new Query("other-script", "掃黑除惡"), new Query("other-script", "會議"),
            new Query("other-script", "鄭曉東"), new Query("other-script", "專項鬥爭"));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗", "梁", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾"};
    private static final String[] GIVEN = {"建国", "志强", "海涛", "丽华", "卫东", "国华", "红梅", "振华", "文军", "春雷", "秀英",
            "德明", "永刚", "晓燕", "立新", "学军", "玉兰", "长青", "明远", "静怡"};
    private static final String[] PLANTED = {"叶寒冰", "欧阳明辉", "郑晓东", "钟卫国"};
    private static final String[] ROLES = {"局长", "副局长", "政委", "党委书记", "副市长", "主任", "处长"};
    private static final String[] PLACES = {"江城市", "临川县", "北湖区", "云岭州", "东港市", "南溪县", "西山区", "青原市"};
    private static final String[] TOPICS = {"安全稳定工作", "扫黑除恶推进", "防范化解重大风险", "社会治安综合治理", "队伍建设", "执法规范化建设"};
    private static final String[] GENRES = {"meeting-report", "news-report", "speech", "notice"};
    /** Sentences with a query's characters apart or in another order: where co-occurrence matching fails. */
    private static final String[] DECOYS = {
            "各地开展扫黑行动，坚持除恶务尽，不留死角。",
            "清扫积雪后，黑龙江来的同志除夕夜仍坚守岗位，恶劣天气中巡逻不停。",
            "维护群众利益，保持队伍稳定，公安和机关干部一起下沉社区。",
            "专项检查发现，个别单位斗争精神不足，项目推进迟缓。",
            "叶片上结了寒霜，冰面湿滑，提醒群众注意出行安全。",
            "郑重承诺，晓以利害，东片区的整改限期完成。"};
    private static final String[] FALLBACK = {
            "会议强调，各级公安机关要坚持以人民为中心的发展思想，切实维护社会大局稳定。",
            "要深入推进扫黑除恶专项斗争，坚决打击各类违法犯罪活动，不断增强人民群众安全感。",
            "要统筹发展和安全，防范化解重大风险，确保社会治安持续平稳。",
            "要加强队伍建设，从严管党治警，锻造忠诚干净担当的公安铁军。",
            "会议以电视电话会议形式召开，各市县公安机关负责同志在分会场参加会议。"};

    private final Path work;
    private final int docs;
    private final long seed;
    private final PrintStream out;

    public SearchBench(Path work, int docs, long seed, PrintStream out) {
        // Absolute: the child processes run in the working folder.
        this.work = work.toAbsolutePath().normalize();
        this.docs = docs;
        this.seed = seed;
        this.out = out;
    }

    /** A generated page: id, script, title, paragraphs. */
    record Page(String id, String lang, String title, String date, String genre, List<String> names, List<String> paragraphs) {}

    /** Paragraph texts of the TEI in a folder (the example edition), or a few invented ones when absent. */
    static List<String> paragraphPool(Path teiDir) {
        List<String> pool = new ArrayList<>();
        if (teiDir != null && Files.isDirectory(teiDir)) {
            try {
                for (Path f : SearchIndexBuilder.teiFiles(List.of(teiDir))) {
                    try {
                        org.w3c.dom.Document d = org.jiaokan.xml.Xml.parse(f);
                        if (!SearchDocument.isTeiText(d)) continue;
                        for (SearchDocument.Unit u : SearchDocument.of(d, "x").units()) {
                            String t = ScriptConverter.toSimplified(u.text().strip().replaceAll("\\s+", ""));
                            if (t.length() >= 20) pool.add(t);
                        }
                    } catch (Exception e) {
                        // Not TEI: passed over.
                    }
                }
            } catch (IOException e) {
                // Fall back below.
            }
        }
        if (pool.size() < 5) pool.addAll(List.of(FALLBACK));
        return pool;
    }

    /** Generates the pages: the example edition's paragraphs recombined, names and decoys added, half traditional. */
    List<Page> generate(List<String> pool) {
        Random rnd = new Random(seed);
        List<Page> pages = new ArrayList<>(docs);
        for (int i = 0; i < docs; i++) {
            boolean hant = rnd.nextInt(2) == 1;
            String place = PLACES[rnd.nextInt(PLACES.length)];
            String title = place + "公安局召开" + TOPICS[rnd.nextInt(TOPICS.length)] + "会议";
            List<String> names = new ArrayList<>();
            List<String> paras = new ArrayList<>();
            int n = 6 + rnd.nextInt(14);
            for (int k = 0; k < n; k++) {
                String p = pool.get(rnd.nextInt(pool.size()));
                int r = rnd.nextInt(100);
                if (r < 15) {
                    String name = rnd.nextInt(4) == 0 ? PLANTED[rnd.nextInt(PLANTED.length)]
                            : SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
                    names.add(name);
                    p = place + "公安局" + ROLES[rnd.nextInt(ROLES.length)] + name + "出席会议并讲话。" + p;
                } else if (r < 30) {
                    p = p + DECOYS[rnd.nextInt(DECOYS.length)];
                }
                paras.add(p);
            }
            if (hant) {
                title = ScriptConverter.toTraditional(title);
                paras.replaceAll(ScriptConverter::toTraditional);
                names.replaceAll(ScriptConverter::toTraditional);
            }
            String date = String.format(Locale.ROOT, "%d-%02d-%02d", 2008 + rnd.nextInt(17), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            pages.add(new Page(String.format(Locale.ROOT, "p%05d", i), hant ? "zh-Hant" : "zh-Hans", title, date,
                    GENRES[rnd.nextInt(GENRES.length)], names, paras));
        }
        return pages;
    }

    /** Writes each page as TEI ({@code tei/}) and as HTML ({@code pages/doc/}). */
    void write(List<Page> pages, Path teiDir, Path htmlDir) throws IOException {
        Files.createDirectories(teiDir);
        Files.createDirectories(htmlDir.resolve("doc"));
        for (Page p : pages) {
            StringBuilder t = new StringBuilder();
            t.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"").append(p.lang()).append("\">\n")
                    .append("<teiHeader><fileDesc><titleStmt><title type=\"main\">").append(esc(p.title())).append("</title></titleStmt>")
                    .append("<publicationStmt><idno type=\"jiaokan\">").append(p.id()).append("</idno></publicationStmt>")
                    .append("<sourceDesc><bibl><date type=\"published\" when=\"").append(p.date()).append("\"/></bibl></sourceDesc></fileDesc>")
                    .append("<encodingDesc><classDecl><taxonomy><category xml:id=\"b-jk-").append(p.genre()).append("\"><catDesc>")
                    .append(p.genre()).append("</catDesc></category></taxonomy></classDecl></encodingDesc>")
                    .append("<profileDesc><langUsage><language ident=\"").append(p.lang()).append("\"/></langUsage>")
                    .append("<textClass><catRef target=\"#b-jk-").append(p.genre()).append("\"/></textClass></profileDesc></teiHeader>\n")
                    .append("<text><body><head xml:id=\"").append(p.id()).append("-h\">").append(esc(p.title())).append("</head>\n");
            StringBuilder h = new StringBuilder();
            h.append("<!DOCTYPE html>\n<html lang=\"").append(p.lang()).append("\"><head><meta charset=\"utf-8\"><title>")
                    .append(esc(p.title())).append("</title></head>\n<body><main data-pagefind-body><h1 id=\"").append(p.id())
                    .append("-h\">").append(esc(p.title())).append("</h1>\n");
            for (int k = 0; k < p.paragraphs().size(); k++) {
                String para = p.paragraphs().get(k);
                String id = p.id() + "-p" + k;
                String marked = esc(para);
                for (String name : new LinkedHashSet<>(p.names())) {
                    marked = marked.replace(name, "<persName ref=\"registers.xml#per-" + ScriptConverter.toSimplified(name) + "\">" + name + "</persName>");
                }
                t.append("<p xml:id=\"").append(id).append("\">").append(marked).append("</p>\n");
                h.append("<p id=\"").append(id).append("\">").append(esc(para)).append("</p>\n");
            }
            t.append("</body></text>\n</TEI>\n");
            h.append("</main></body></html>\n");
            Files.writeString(teiDir.resolve(p.id() + ".xml"), t, StandardCharsets.UTF_8);
            Files.writeString(htmlDir.resolve("doc").resolve(p.id() + ".html"), h, StandardCharsets.UTF_8);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The matching form used for the truth: HanLP's whole-text conversion to simplified, letters and digits only. */
    static String truthForm(String s) {
        String simp = ScriptConverter.toSimplified(s);
        StringBuilder sb = new StringBuilder();
        simp.codePoints().filter(Folding::matches).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Pages that contain each query as contiguous text, in either script. */
    static Map<String, Set<String>> truth(List<Page> pages) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        List<String> forms = new ArrayList<>();
        for (Page p : pages) forms.add(truthForm(p.title() + "\n" + String.join("\n", p.paragraphs())));
        for (Query q : QUERIES) {
            String f = truthForm(q.text());
            Set<String> hit = new TreeSet<>();
            for (int i = 0; i < pages.size(); i++) if (forms.get(i).contains(f)) hit.add(pages.get(i).id());
            out.put(q.text(), hit);
        }
        return out;
    }

    /** Wall time, peak resident memory and output of a child process. */
    public record Measured(long millis, long peakKb, int exit, String output) {}

    /** Runs a command, polling /proc/PID/status for VmHWM (the peak resident set) until it ends. */
    public static Measured measure(List<String> cmd, Path dir) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder outText = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                outText.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The output is for diagnostics only.
            }
        });
        reader.start();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, peakOf(status, p.toHandle()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        reader.join();
        return new Measured(millis, peak, p.exitValue(), outText.toString());
    }

    private static long peakOf(Path status, ProcessHandle h) {
        long sum = vmHwm(status);
        // Children too (npx starts the binary as a child).
        for (ProcessHandle c : h.descendants().toList()) sum += vmHwm(Path.of("/proc", Long.toString(c.pid()), "status"));
        return sum;
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two polls.
        }
        return 0;
    }

    static long bytesUnder(Path dir, java.util.function.Predicate<Path> include) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(include).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Bytes as a web server would send them gzipped (Pagefind's files are gzip already: they stay about the same). */
    static long gzipBytesUnder(Path dir, java.util.function.Predicate<Path> include) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        long sum = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(include).toList()) {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(b)) {
                    z.write(Files.readAllBytes(f));
                }
                sum += b.size();
            }
        }
        return sum;
    }

    /** The Pagefind binary in the tools folder, installed there with npm when absent and npm is available. */
    static Path pagefind(Path tools, PrintStream log) throws IOException, InterruptedException {
        Path bin = tools.resolve("node_modules/@pagefind/linux-x64/bin/pagefind_extended");
        if (Files.isExecutable(bin)) return bin;
        if (which("npm") == null) return null;
        Files.createDirectories(tools);
        log.println("installing pagefind into " + tools + " (npm install pagefind)");
        Measured m = measure(List.of(which("npm"), "install", "--no-audit", "--no-fund", "--prefix", tools.toAbsolutePath().toString(), "pagefind@1"), tools);
        if (m.exit() != 0) log.println(m.output());
        return Files.isExecutable(bin) ? bin : null;
    }

    /** Debian's node (or nodejs), or null. */
    public static String nodeCommand() {
        return which("node") != null ? which("node") : which("nodejs");
    }

    static String which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Score of one engine on one query. */
    public record Score(int expected, int found, int correct, int falseHits) {
        double recall() {
            return expected == 0 ? 1.0 : (double) correct / expected;
        }
    }

    static Score score(Set<String> truth, Set<String> found) {
        int correct = 0;
        for (String f : found) if (truth.contains(f)) correct++;
        return new Score(truth.size(), found.size(), correct, found.size() - correct);
    }

    /** Results of node scripts printing one JSON line per query: {"q": …, "ids": […]}. */
    static Map<String, Set<String>> parseResults(String output) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^RESULT\\t([^\\t]*)\\t(.*)$").matcher(line.strip());
            if (!m.matches()) continue;
            Set<String> ids = new TreeSet<>();
            for (String id : m.group(2).split(",")) if (!id.isBlank()) ids.add(id.strip());
            out.put(m.group(1), ids);
        }
        return out;
    }

    static String ourEvalScript(Path searchJs, Path index) {
        return "const S = require(" + js(searchJs.toAbsolutePath().toString()) + ");\n"
                + "const E = S.loadDir(" + js(index.toAbsolutePath().toString()) + ");\n"
                + "for (const q of JSON.parse(process.argv[2])) {\n"
                + "  const ids = E.search(q).map(r => r.docid);\n"
                + "  console.log('RESULT\\t' + q + '\\t' + ids.join(','));\n}\n";
    }

    static String pagefindEvalScript(Path site) {
        String dir = site.toAbsolutePath().toString();
        return "import fs from 'fs';\nimport { pathToFileURL } from 'url';\n"
                + "const lang = process.argv[3];\n"
                + "globalThis.document = { currentScript: null, querySelector: s => s === 'html' ? { getAttribute: () => lang } : null, documentElement: { lang } };\n"
                + "globalThis.location = { href: 'file://" + dir.replace("'", "\\'") + "/search.html', origin: 'null' };\n"
                + "globalThis.window = globalThis;\n"
                + "globalThis.fetch = async (url) => { let u = String(url); if (u.startsWith('file://')) u = new URL(u).pathname;"
                + " return new Response(fs.readFileSync(decodeURIComponent(u.split('?')[0])), { status: 200 }); };\n"
                + "const pf = await import(pathToFileURL(" + js(dir + "/pagefind/pagefind.js") + ").href);\n"
                + "await pf.options({ basePath: 'file://" + dir.replace("'", "\\'") + "/pagefind/' });\n"
                + "await pf.init();\n"
                + "for (const q of JSON.parse(process.argv[2])) {\n"
                + "  const r = await pf.search(q);\n"
                + "  const ids = [];\n"
                + "  for (const x of (r && r.results) || []) { const d = await x.data(); const m = /([^/]+)\\.html/.exec(d.url); ids.push(m ? m[1] : d.url); }\n"
                + "  console.log('RESULT\\t' + q + '\\t' + ids.join(','));\n}\n";
    }

    static String js(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String jsonArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "" : ",").append(ScriptStrings.quote(items.get(i)));
        return sb.append(']').toString();
    }

    /** Everything measured for one engine. */
    public record EngineResult(String name, long millis, long peakKb, long indexBytes, long gzipBytes, Map<String, Score> scores, String note) {}

    /**
     * Runs the benchmark; returns the engines' results (ours first). {@code searchJs} is site/js/search.js;
     * {@code pagefindBin} may be null (Pagefind skipped, said in the note).
     */
    public List<EngineResult> run(Path exampleTei, Path searchJs, Path tools, String javaCmd, String classPath, boolean withPagefind)
            throws IOException, InterruptedException {
        Path teiDir = work.resolve("tei");
        Path pagesDir = work.resolve("pages");
        FileTrees.delete(work);
        Files.createDirectories(work);
        out.println("generating " + docs + " pages into " + work);
        List<Page> pages = generate(paragraphPool(exampleTei));
        write(pages, teiDir, pagesDir);
        Map<String, Set<String>> truth = truth(pages);
        String node = nodeCommand();
        List<String> queries = QUERIES.stream().map(Query::text).toList();
        List<EngineResult> results = new ArrayList<>();

        // Ours, in a child JVM of bounded heap so that its peak memory is its own.
        Path ourSite = work.resolve("ours");
        out.println("indexing with jiaokan");
        Measured ours = measure(List.of(javaCmd, "-Xmx160m", "-XX:+UseSerialGC", "-Djiaokan.threads=2", "-cp", classPath,
                SearchIndexBuilder.class.getName(), ourSite.toAbsolutePath().toString(), teiDir.toAbsolutePath().toString()), work);
        if (ours.exit() != 0) throw new IOException("our indexer failed:\n" + ours.output());
        Map<String, Score> ourScores = new LinkedHashMap<>();
        String ourNote = "";
        if (node != null && searchJs != null) {
            Path script = work.resolve("eval-ours.js");
            Files.writeString(script, ourEvalScript(searchJs, ourSite.resolve("search")), StandardCharsets.UTF_8);
            Measured m = measure(List.of(node, script.toString(), jsonArray(queries)), work);
            Map<String, Set<String>> found = parseResults(m.output());
            if (m.exit() != 0) ourNote = "search.js failed: " + m.output().strip();
            else for (String q : queries) ourScores.put(q, score(truth.get(q), found.getOrDefault(q, Set.of())));
        } else {
            ourNote = "node not found: recall not measured";
        }
        results.add(new EngineResult("jiaokan", ours.millis(), ours.peakKb(), bytesUnder(ourSite.resolve("search"), p -> true),
                gzipBytesUnder(ourSite.resolve("search"), p -> true), ourScores, ourNote));

        if (!withPagefind) return results;
        Path bin = pagefind(tools.toAbsolutePath(), out);
        if (bin == null) {
            results.add(new EngineResult("pagefind", -1, -1, -1, -1, Map.of(), "pagefind not available (npm install pagefind failed or npm absent)"));
            return results;
        }
        out.println("indexing with pagefind (" + bin + ")");
        Measured pf = measure(List.of(bin.toAbsolutePath().toString(), "--site", pagesDir.toAbsolutePath().toString(), "--quiet"), work);
        if (pf.exit() != 0) {
            results.add(new EngineResult("pagefind", pf.millis(), pf.peakKb(), -1, -1, Map.of(), "pagefind failed: " + pf.output().strip()));
            return results;
        }
        Path pfDir = pagesDir.resolve("pagefind");
        java.util.function.Predicate<Path> pfIndex = p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".pf_index") || n.endsWith(".pf_fragment") || n.endsWith(".pf_meta") || n.endsWith(".pf_filter")
                    || n.equals("pagefind-entry.json") || n.startsWith("wasm.") || n.equals("pagefind.js") || n.equals("pagefind-worker.js");
        };
        long pfBytes = bytesUnder(pfDir, pfIndex);
        long pfGzip = gzipBytesUnder(pfDir, pfIndex);
        Map<String, Score> pfHans = new LinkedHashMap<>();
        Map<String, Score> pfBoth = new LinkedHashMap<>();
        String pfNote = "";
        if (node != null) {
            Path script = work.resolve("eval-pagefind.mjs");
            Files.writeString(script, pagefindEvalScript(pagesDir), StandardCharsets.UTF_8);
            Measured hans = measure(List.of(node, script.toString(), jsonArray(queries), "zh-Hans"), work);
            Measured hant = measure(List.of(node, script.toString(), jsonArray(queries), "zh-Hant"), work);
            Map<String, Set<String>> fh = parseResults(hans.output());
            Map<String, Set<String>> ft = parseResults(hant.output());
            if (hans.exit() != 0 || hant.exit() != 0) pfNote = "pagefind search did not run under node: " + hans.output().strip();
            for (String q : queries) {
                if (!pfNote.isEmpty()) break;
                Set<String> a = fh.getOrDefault(q, Set.of());
                Set<String> both = new TreeSet<>(a);
                both.addAll(ft.getOrDefault(q, Set.of()));
                pfHans.put(q, score(truth.get(q), a));
                pfBoth.put(q, score(truth.get(q), both));
            }
        } else {
            pfNote = "node not found: recall not measured";
        }
        results.add(new EngineResult("pagefind", pf.millis(), pf.peakKb(), pfBytes, pfGzip, pfHans,
                pfNote.isEmpty() ? "searched from a zh-Hans page (Pagefind keeps one index per page language)" : pfNote));
        if (pfNote.isEmpty()) {
            results.add(new EngineResult("pagefind-both", pf.millis(), pf.peakKb(), pfBytes, pfGzip, pfBoth,
                    "union of its zh-Hans and zh-Hant indexes, as if a page searched both"));
        }
        return results;
    }

    /** Prints the side-by-side table. */
    public void print(List<EngineResult> results) {
        out.printf(Locale.ROOT, "%n%d pages, %d queries%n", docs, QUERIES.size());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s", ""));
        for (EngineResult r : results) head.append(String.format(Locale.ROOT, "%16s", r.name()));
        out.println(head);
        row("index build time (s)", results, r -> r.millis() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.millis() / 1000.0));
        row("peak memory, RSS (MB)", results, r -> r.peakKb() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.peakKb() / 1024.0));
        row("index bytes (MB)", results, r -> r.indexBytes() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.indexBytes() / 1048576.0));
        row("index bytes gzipped (MB)", results, r -> r.gzipBytes() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.gzipBytes() / 1048576.0));
        for (String kind : List.of("name", "word", "substring", "phrase", "other-script")) {
            row("recall: " + kind, results, r -> recall(r, kind));
        }
        row("recall: all", results, r -> recall(r, null));
        row("false hits: phrase", results, r -> falseHits(r, "phrase"));
        row("false hits: all", results, r -> falseHits(r, null));
        out.println();
        out.printf(Locale.ROOT, "%-20s %8s", "query", "truth");
        for (EngineResult r : results) out.printf(Locale.ROOT, " %16s", r.name() + " ok/false");
        out.println();
        for (Query q : QUERIES) {
            Score any = results.get(0).scores().get(q.text());
            out.printf(Locale.ROOT, "%-20s %8s", q.text() + " (" + q.kind() + ")", any == null ? "-" : Integer.toString(any.expected()));
            for (EngineResult r : results) {
                Score s = r.scores().get(q.text());
                out.printf(Locale.ROOT, " %16s", s == null ? "-" : s.correct() + "/" + s.falseHits());
            }
            out.println();
        }
        for (EngineResult r : results) if (!r.note().isEmpty()) out.println(r.name() + ": " + r.note());
    }

    private void row(String label, List<EngineResult> results, java.util.function.Function<EngineResult, String> f) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", label));
        for (EngineResult r : results) sb.append(String.format(Locale.ROOT, "%16s", f.apply(r)));
        out.println(sb);
    }

    static String recall(EngineResult r, String kind) {
        long exp = 0, ok = 0;
        for (Query q : QUERIES) {
            if (kind != null && !kind.equals(q.kind())) continue;
            Score s = r.scores().get(q.text());
            if (s == null) return "-";
            exp += s.expected();
            ok += s.correct();
        }
        return exp == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * ok / exp);
    }

    static String falseHits(EngineResult r, String kind) {
        long f = 0, found = 0;
        for (Query q : QUERIES) {
            if (kind != null && !kind.equals(q.kind())) continue;
            Score s = r.scores().get(q.text());
            if (s == null) return "-";
            f += s.falseHits();
            found += s.found();
        }
        return found == 0 ? "0" : String.format(Locale.ROOT, "%d (%.0f %%)", f, 100.0 * f / found);
    }

    /** The results as JSON. */
    public String json(List<EngineResult> results) {
        StringBuilder sb = new StringBuilder("{\n  \"pages\": ").append(docs).append(",\n  \"seed\": ").append(seed).append(",\n  \"engines\": [");
        for (int i = 0; i < results.size(); i++) {
            EngineResult r = results.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(ScriptStrings.quote(r.name()))
                    .append(", \"buildMillis\": ").append(r.millis()).append(", \"peakRssKb\": ").append(r.peakKb())
                    .append(", \"indexBytes\": ").append(r.indexBytes()).append(", \"gzipBytes\": ").append(r.gzipBytes())
                    .append(", \"recall\": ").append(ScriptStrings.quote(recall(r, null)))
                    .append(", \"phraseFalseHits\": ").append(ScriptStrings.quote(falseHits(r, "phrase")))
                    .append(", \"note\": ").append(ScriptStrings.quote(r.note())).append(", \"queries\": [");
            int k = 0;
            for (Query q : QUERIES) {
                Score s = r.scores().get(q.text());
                if (s == null) continue;
                sb.append(k++ == 0 ? "\n" : ",\n").append("      {\"q\": ").append(ScriptStrings.quote(q.text()))
                        .append(", \"kind\": ").append(ScriptStrings.quote(q.kind()))
                        .append(", \"expected\": ").append(s.expected()).append(", \"found\": ").append(s.found())
                        .append(", \"correct\": ").append(s.correct()).append(", \"falseHits\": ").append(s.falseHits()).append('}');
            }
            sb.append("]}");
        }
        return sb.append("\n  ]\n}\n").toString();
    }
}
