package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.service.workspace.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Users' home folders, project folders, notebooks, workspace files and Trash of a sample workspace.
 */
final class SampleTree {
  static final String FIRST_USER = "élodie.tremblay@nrc-cnrc.gc.ca";
  private static final String[] USERS = {
    FIRST_USER,
    "francois.gagnon@ec.gc.ca",
    "marie-eve.cote@statcan.gc.ca",
    "john.smith@dfo-mpo.gc.ca",
    "priya.patel@hc-sc.gc.ca",
    "jean-francois.leblanc@nrcan-rncan.gc.ca",
    "sarah.nguyen@phac-aspc.gc.ca",
    "oumar.diallo@agr.gc.ca"
  };
  private static final String[] FOLDERS = {
    "Analyse données",
    "Hydrologie 2024",
    "ETL quotidien",
    "Rapports trimestriels",
    "Modèles climatiques",
    "Qualité de l'eau",
    "Tableaux de bord",
    "Expérimentations",
    "Pêches et océans",
    "Santé publique"
  };
  private static final String[] TOPICS = {
    "Nettoyage des données",
    "Exploration",
    "Ingestion brute",
    "Agrégats régionaux",
    "Validation croisée",
    "Carte des stations",
    "Séries temporelles",
    "Rapport final"
  };
  private static final Language[] LANGUAGE_MIX = {
    Language.PYTHON,
    Language.PYTHON,
    Language.SQL,
    Language.PYTHON,
    Language.SCALA,
    Language.SQL,
    Language.R,
    Language.PYTHON
  };

  private SampleTree() {}

  static List<String> users(SampleSpec spec) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < spec.users(); i++) {
      String base = USERS[i % USERS.length];
      users.add(i < USERS.length ? base : base.replace("@", "." + (i / USERS.length) + "@"));
    }
    return users;
  }

  /** Folder paths, the first being the accented one of the first user. */
  static List<String> folders(SampleSpec spec, List<String> users) {
    List<String> folders = new ArrayList<>();
    for (int i = 0; i < spec.folders(); i++) {
      String name =
          FOLDERS[i % FOLDERS.length] + (i < FOLDERS.length ? "" : " " + (i / FOLDERS.length));
      String root = i % 5 == 4 ? "/Shared" : "/Users/" + users.get(i % users.size());
      String parent =
          i % 7 == 6 ? root + "/Projets/" + (i % 3 == 0 ? "Archivé" : "En cours") : root;
      folders.add(parent + "/" + name);
    }
    return folders;
  }

  /**
   * A folder of the sample whose names hold what workspace names can hold and file systems cannot.
   */
  static final String AWKWARD_FOLDER = "/Shared/Équipe « Données » 🚀";

  /**
   * Names as users write them: back-slashes, both quotes, emoji, runs of spaces, characters that
   * Windows refuses ({@code : ? *}), a workspace file ending in {@code .part}. Workspace paths only
   * reserve {@code /}.
   */
  private static void awkwardNames(WorkspaceTree tree, String user, long seed) {
    String home = "/Users/" + user;
    tree.putNotebook(
        home + "/Analyse\\brouillon v2",
        Language.PYTHON,
        Content.generated(() ->
            NotebookSources.generate(seed, 90_001, Language.PYTHON, "Analyse\\brouillon v2")));
    tree.putNotebook(
        AWKWARD_FOLDER + "/Rapport d'été \"final\" 📊",
        Language.SQL,
        Content.generated(() ->
            NotebookSources.generate(seed, 90_002, Language.SQL, "Rapport d'été \"final\" 📊")));
    tree.putNotebook(
        AWKWARD_FOLDER + "/Carnet  à   espaces",
        Language.SCALA,
        Content.generated(
            () -> NotebookSources.generate(seed, 90_003, Language.SCALA, "Carnet  à   espaces")));
    tree.putNotebook(
        AWKWARD_FOLDER + "/Dossier\\spécial/Étape 1: nettoyage?",
        Language.R,
        Content.generated(
            () -> NotebookSources.generate(seed, 90_004, Language.R, "Étape 1: nettoyage?")));
    tree.putFile(
        AWKWARD_FOLDER + "/notes\\v2.md",
        Content.generated(() -> NotebookSources.text("# Notes\nv2 \\ brouillon\n")));
    tree.putFile(
        AWKWARD_FOLDER + "/données:brutes*?.csv",
        Content.generated(() -> NotebookSources.text("a,b\n1,2\n")));
    tree.putFile(
        AWKWARD_FOLDER + "/export.part",
        Content.generated(() -> NotebookSources.text("partie 1 / part 1\n")));
    tree.putFile(
        AWKWARD_FOLDER + "/100% <final> | \"v3\".txt",
        Content.generated(() -> NotebookSources.text("fin\n")));
    tree.putLibrary(WORKSPACE_LIBRARY);
  }

  /** A legacy workspace library: listed, not exportable, to reinstall by hand. */
  static final String WORKSPACE_LIBRARY = "/Shared/libs/pilote-oracle-ojdbc8";

  /** Creates everything; returns the notebook paths outside Trash, in creation order. */
  static List<String> seed(
      WorkspaceTree tree, SampleSpec spec, List<String> users, List<String> folders) {
    users.forEach(u -> tree.mkdirs("/Users/" + u));
    folders.forEach(tree::mkdirs);
    List<String> notebooks = new ArrayList<>(spec.notebooks());
    long seed = spec.seed();
    for (int i = 0; i < spec.notebooks(); i++) {
      Language lang = LANGUAGE_MIX[i % LANGUAGE_MIX.length];
      String title = TOPICS[i % TOPICS.length] + " " + String.format("%05d", i);
      String path = folders.get(i % folders.size()) + "/" + title;
      int index = i;
      tree.putNotebook(
          path, lang, Content.generated(() -> NotebookSources.generate(seed, index, lang, title)));
      notebooks.add(path);
    }
    for (int i = 0; i < spec.files(); i++) {
      String folder = folders.get(i % folders.size());
      int n = i;
      switch (i % 4) {
        case 0 ->
            tree.putFile(
                folder + "/utilitaires_" + i + ".py",
                Content.generated(() ->
                    NotebookSources.text(
                        "\"\"\"Fonctions partagées / shared helpers.\"\"\"\n\ndef normaliser(x):\n    return (x - "
                            + n
                            + ") / 100.0\n")));
        case 1 ->
            tree.putFile(
                folder + "/stations " + i + ".csv",
                Content.generated(() ->
                    NotebookSources.text(
                        "station,région,valeur\nS-"
                            + n
                            + ",Québec,"
                            + (n * 7 % 100)
                            + "\nS-"
                            + (n + 1)
                            + ",Yukon,12\n")));
        case 2 ->
            tree.putFile(
                folder + "/config_" + i + ".yaml",
                Content.generated(
                    () -> NotebookSources.text("environnement: poc\nseuil: " + n + "\n")));
        default ->
            tree.putFile(
                folder + "/README " + i + ".md",
                Content.generated(() ->
                    NotebookSources.text(
                        "# Lisez-moi / Read me\n\nDossier " + n + " de l'équipe.\n")));
      }
    }
    awkwardNames(tree, users.getFirst(), seed);
    for (String user : users) {
      String trash = "/Users/" + user + "/Trash";
      tree.putNotebook(
          trash + "/Ancien brouillon",
          Language.PYTHON,
          Content.of("# Databricks notebook source\nprint('supprimé')"));
      tree.putFile(trash + "/vieux.csv", Content.of("a\n1\n"));
    }
    if (spec.hugeNotebook()) {
      tree.putNotebook(
          SampleWorkspace.HUGE_NOTEBOOK,
          Language.PYTHON,
          Content.generated(
              () -> NotebookSources.huge(seed, WorkspaceRoutes.MAX_SIZE + 512 * 1024)));
    }
    return notebooks;
  }
}
