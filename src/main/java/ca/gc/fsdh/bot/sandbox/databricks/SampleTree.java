package ca.gc.fsdh.bot.sandbox.databricks;

import com.databricks.sdk.service.workspace.Language;
import java.util.ArrayList;
import java.util.List;

/** Users' home folders, project folders, notebooks, workspace files and Trash of a sample workspace. */
final class SampleTree {
  static final String FIRST_USER = "élodie.tremblay@nrc-cnrc.gc.ca";
  private static final String[] USERS = {FIRST_USER, "francois.gagnon@ec.gc.ca", "marie-eve.cote@statcan.gc.ca",
      "john.smith@dfo-mpo.gc.ca", "priya.patel@hc-sc.gc.ca", "jean-francois.leblanc@nrcan-rncan.gc.ca",
      "sarah.nguyen@phac-aspc.gc.ca", "oumar.diallo@agr.gc.ca"};
  private static final String[] FOLDERS = {"Analyse données", "Hydrologie 2024", "ETL quotidien",
      "Rapports trimestriels", "Modèles climatiques", "Qualité de l'eau", "Tableaux de bord", "Expérimentations",
      "Pêches et océans", "Santé publique"};
  private static final String[] TOPICS = {"Nettoyage des données", "Exploration", "Ingestion brute",
      "Agrégats régionaux", "Validation croisée", "Carte des stations", "Séries temporelles", "Rapport final"};
  private static final Language[] LANGUAGE_MIX = {Language.PYTHON, Language.PYTHON, Language.SQL, Language.PYTHON,
      Language.SCALA, Language.SQL, Language.R, Language.PYTHON};

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
      String name = FOLDERS[i % FOLDERS.length] + (i < FOLDERS.length ? "" : " " + (i / FOLDERS.length));
      String root = i % 5 == 4 ? "/Shared" : "/Users/" + users.get(i % users.size());
      String parent = i % 7 == 6 ? root + "/Projets/" + (i % 3 == 0 ? "Archivé" : "En cours") : root;
      folders.add(parent + "/" + name);
    }
    return folders;
  }

  /** Creates everything; returns the notebook paths outside Trash, in creation order. */
  static List<String> seed(WorkspaceTree tree, SampleSpec spec, List<String> users, List<String> folders) {
    users.forEach(u -> tree.mkdirs("/Users/" + u));
    folders.forEach(tree::mkdirs);
    List<String> notebooks = new ArrayList<>(spec.notebooks());
    long seed = spec.seed();
    for (int i = 0; i < spec.notebooks(); i++) {
      Language lang = LANGUAGE_MIX[i % LANGUAGE_MIX.length];
      String title = TOPICS[i % TOPICS.length] + " " + String.format("%05d", i);
      String path = folders.get(i % folders.size()) + "/" + title;
      int index = i;
      tree.putNotebook(path, lang, Content.generated(() -> NotebookSources.generate(seed, index, lang, title)));
      notebooks.add(path);
    }
    for (int i = 0; i < spec.files(); i++) {
      String folder = folders.get(i % folders.size());
      int n = i;
      switch (i % 4) {
        case 0 -> tree.putFile(folder + "/utilitaires_" + i + ".py", Content.generated(() -> NotebookSources.text(
            "\"\"\"Fonctions partagées / shared helpers.\"\"\"\n\ndef normaliser(x):\n    return (x - " + n
                + ") / 100.0\n")));
        case 1 -> tree.putFile(folder + "/stations " + i + ".csv", Content.generated(() -> NotebookSources.text(
            "station,région,valeur\nS-" + n + ",Québec," + (n * 7 % 100) + "\nS-" + (n + 1) + ",Yukon,12\n")));
        case 2 -> tree.putFile(folder + "/config_" + i + ".yaml", Content.generated(() -> NotebookSources.text(
            "environnement: poc\nseuil: " + n + "\n")));
        default -> tree.putFile(folder + "/README " + i + ".md", Content.generated(() -> NotebookSources.text(
            "# Lisez-moi / Read me\n\nDossier " + n + " de l'équipe.\n")));
      }
    }
    for (String user : users) {
      String trash = "/Users/" + user + "/Trash";
      tree.putNotebook(trash + "/Ancien brouillon", Language.PYTHON,
          Content.of("# Databricks notebook source\nprint('supprimé')"));
      tree.putFile(trash + "/vieux.csv", Content.of("a\n1\n"));
    }
    if (spec.hugeNotebook()) {
      tree.putNotebook(SampleWorkspace.HUGE_NOTEBOOK, Language.PYTHON, Content.generated(
          () -> NotebookSources.huge(seed, WorkspaceRoutes.MAX_SIZE + 512 * 1024)));
    }
    return notebooks;
  }
}
