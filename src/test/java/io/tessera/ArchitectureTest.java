package io.tessera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.jobs.JobRegistry;
import io.tessera.run.TesseraJob;
import io.tessera.tables.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md promises: every registered job has its docs page, config, DDLs and
 * table docs; docs/tables.md lists exactly the DDLs' columns; packages depend one way down the layers
 * with no cycle, every package says what it holds, and no package or file outgrows a reader.
 */
class ArchitectureTest {
  private static final Path PROJECT = Path.of(System.getProperty("tessera.project.dir", "."));
  private static final Path MAIN = PROJECT.resolve("src/main/java");
  private static final Pattern HEADING = Pattern.compile("^## (\\w+)$");
  private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `(\\w+)` \\|");
  private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.tessera(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

  /** Layer of each package, bottom 0; a package may use lower layers and its own, except across job families (layer 5). */
  private static final Map<String, Integer> LAYERS = new LinkedHashMap<>();

  static {
    layer(0, "io.tessera");
    layer(1, "math", "math.diffusion", "math.latent", "math.metrics", "math.topology", "math.polytope", "math.riemann", "math.simplex");
    layer(2, "model", "model.conv", "model.classifier", "model.diffusion", "model.autoencoder", "model.torchscript", "model.load", "tables");
    layer(3, "data", "config", "report", "run.lifecycle");
    layer(4, "run");
    layer(5, "jobs.patterns", "jobs.polytopes", "jobs.localmaps", "jobs.diffusion", "jobs.latent", "jobs.topology", "training");
    layer(6, "jobs");
    layer(7, "reproduce", "reproduce.topology", "pipeline");
    layer(8, "cli", "cli.options", "cli.report", "cli.reproduce", "cli.train");
  }

  private static void layer(int level, String... packages) {
    for (String p : packages) {
      LAYERS.put(p.equals("io.tessera") ? p : "io.tessera." + p, level);
    }
  }

  @Test
  void everyRegisteredJobHasItsDocsPageConfigSchemasAndTableDocs() throws IOException {
    String tablesDoc = Files.readString(PROJECT.resolve("docs/tables.md"));
    String readme = Files.readString(PROJECT.resolve("README.md"));
    assertEquals(17, JobRegistry.jobs().size());
    for (TesseraJob<?> job : JobRegistry.jobs().values()) {
      assertTrue(Files.isRegularFile(PROJECT.resolve("docs/jobs/" + job.name() + ".md")), "docs/jobs/" + job.name() + ".md");
      assertTrue(Files.isRegularFile(PROJECT.resolve("conf/" + job.name() + ".yaml")), "conf/" + job.name() + ".yaml");
      assertTrue(readme.contains("(docs/jobs/" + job.name() + ".md)"), "the README's job index links " + job.name());
      for (String table : job.tables()) {
        assertTrue(Files.isRegularFile(PROJECT.resolve("data-schemas/" + table + ".sql")), "data-schemas/" + table + ".sql");
        assertTrue(tablesDoc.contains("\n## " + table + "\n"), "docs/tables.md has a section for " + table);
      }
      String countsRow = "\n| [`" + job.name() + "`](jobs/" + job.name() + ".md) | " + job.countUnit().label() + " |";
      assertTrue(tablesDoc.contains(countsRow), "docs/tables.md, What the counts count, says what " + job.name() + " counts");
      // JobRun enforces rows_in = rows_out + rows_rejected on every run; each job's own test pins its counts.
      Path test = PROJECT.resolve("src/test/java/" + job.getClass().getName().replace('.', '/') + "Test.java");
      assertTrue(Files.readString(test).contains("JobFixtures.runCounts("), test + " checks the counts its runs record");
    }
  }

  @Test
  void theTablesPageListsExactlyTheColumnsOfEachDdl() throws IOException {
    Map<String, List<String>> documented = new TreeMap<>();
    String table = null;
    for (String line : Files.readAllLines(PROJECT.resolve("docs/tables.md"))) {
      Matcher heading = HEADING.matcher(line);
      Matcher column = COLUMN_ROW.matcher(line);
      if (heading.matches()) {
        table = heading.group(1);
        documented.put(table, new ArrayList<>());
      } else if (table != null && column.find()) {
        documented.get(table).add(column.group(1));
      }
    }
    Set<String> ddls = new TreeSet<>(TableSchema.OUTPUT_TABLES);
    ddls.add("dataset");
    assertEquals(ddls, documented.keySet(), "one section per DDL in data-schemas/");
    for (String name : ddls) {
      List<String> columns = Stream.of(TableSchema.load(name).schema().fields()).map(StructField::name).toList();
      assertEquals(columns, documented.get(name), "docs/tables.md, " + name);
    }
  }

  @Test
  void packagesDependOneWayDownTheLayersWithoutCycles() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    List<String> violations = new ArrayList<>();
    uses.forEach((from, targets) -> {
      Integer level = LAYERS.get(from);
      if (level == null) {
        violations.add(from + " has no layer in docs/architecture.md");
        return;
      }
      for (String to : targets) {
        int target = LAYERS.getOrDefault(to, Integer.MAX_VALUE);
        if (target > level || (target == level && level == 5)) {
          violations.add(from + " -> " + to);
        }
      }
    });
    assertEquals(List.of(), violations, "imports that climb a layer or cross between job families");
    assertEquals(List.of(), cycles(uses), "package cycles");
  }

  @Test
  void everyPackageSaysWhatItHoldsAndStaysSmall() throws IOException {
    Map<String, Integer> files = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Path file : javaFiles()) {
      String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
      if (file.getFileName().toString().equals("package-info.java")) {
        files.putIfAbsent(pkg, 0);
        continue;
      }
      files.merge(pkg, 1, Integer::sum);
      long lines = Files.readAllLines(file).size();
      if (lines > 300) {
        problems.add(file + " has " + lines + " lines");
      }
      String text = Files.readString(file);
      if (Pattern.compile("(?i)\\bdigest *§|the digest's|digest section").matcher(text).find()) {
        problems.add(file + " cites a digest outside the repository");
      }
    }
    for (String pkg : files.keySet()) {
      if (!Files.isRegularFile(MAIN.resolve(pkg.replace('.', '/')).resolve("package-info.java"))) {
        problems.add(pkg + " has no package-info.java");
      }
      if (files.get(pkg) > 15) {
        problems.add(pkg + " holds " + files.get(pkg) + " files");
      }
    }
    assertEquals(List.of(), problems);
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(MAIN)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Package to the other Tessera packages its sources name (imports and qualified names). */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path file : javaFiles()) {
      String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
      Set<String> targets = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(Files.readString(file));
      while (m.find()) {
        String target = m.group(1);
        if (!target.equals(pkg) && Files.isDirectory(MAIN.resolve(target.replace('.', '/')))) {
          targets.add(target);
        }
      }
    }
    return uses;
  }

  /** Every package that reaches itself through another. */
  private static List<String> cycles(Map<String, Set<String>> uses) {
    List<String> found = new ArrayList<>();
    for (String start : uses.keySet()) {
      Set<String> seen = new java.util.HashSet<>();
      List<String> frontier = new ArrayList<>(uses.get(start));
      while (!frontier.isEmpty()) {
        String next = frontier.remove(frontier.size() - 1);
        if (next.equals(start)) {
          found.add(start);
          break;
        }
        if (seen.add(next)) {
          frontier.addAll(uses.getOrDefault(next, Set.of()));
        }
      }
    }
    return found;
  }
}
