<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos de Verbatim Workbench</source>
        <translation>About Verbatim Workbench</translation>
    </message>
    <message>
        <source>Calcul : …</source>
        <translation>Compute: …</translation>
    </message>
    <message>
        <source>Codage de verbatims clients, sur votre poste, sans connexion : aucune donnée ne quitte cet ordinateur.</source>
        <translation>Coding customer verbatims on your own computer, offline: no data leaves this computer.</translation>
    </message>
    <message>
        <source>Calcul : GPU {name} ({memory} Gio, CUDA {cuda})</source>
        <translation>Compute: GPU {name} ({memory} GiB, CUDA {cuda})</translation>
    </message>
    <message>
        <source>Calcul : CPU {cpu}, {count} cœurs ; aucun GPU CUDA utilisable</source>
        <translation>Compute: CPU {cpu}, {count} cores; no usable CUDA GPU</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Fréquences des codes</source>
        <translation>Code frequencies</translation>
    </message>
    <message>
        <source>Code × variable</source>
        <translation>Code × variable</translation>
    </message>
    <message>
        <source>Co-occurrences</source>
        <translation>Co-occurrences</translation>
    </message>
    <message>
        <source>Tendances</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Accord inter-codeurs</source>
        <translation>Inter-coder agreement</translation>
    </message>
    <message>
        <source>Score du stagiaire</source>
        <translation>Trainee score</translation>
    </message>
    <message>
        <source>Carte des relations</source>
        <translation>Relationship map</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Codages</source>
        <translation>Codings</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Effectif</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>% de la colonne</source>
        <translation>% of column</translation>
    </message>
    <message>
        <source>Effectif attendu</source>
        <translation>Expected count</translation>
    </message>
    <message>
        <source>Résidu standardisé ajusté</source>
        <translation>Adjusted standardised residual</translation>
    </message>
    <message>
        <source>Code A</source>
        <translation>Code A</translation>
    </message>
    <message>
        <source>Code B</source>
        <translation>Code B</translation>
    </message>
    <message>
        <source>Documents A</source>
        <translation>Documents A</translation>
    </message>
    <message>
        <source>Documents B</source>
        <translation>Documents B</translation>
    </message>
    <message>
        <source>Les deux</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>Jaccard</source>
        <translation>Jaccard</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Documents de la période</source>
        <translation>Documents in the period</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Libellé</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Unités</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Mots-clés</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>% d&apos;accord</source>
        <translation>% agreement</translation>
    </message>
    <message>
        <source>Kappa de Cohen</source>
        <translation>Cohen&apos;s kappa</translation>
    </message>
    <message>
        <source>Alpha de Krippendorff</source>
        <translation>Krippendorff&apos;s alpha</translation>
    </message>
    <message>
        <source>Précision (passages)</source>
        <translation>Precision (passages)</translation>
    </message>
    <message>
        <source>Rappel (passages)</source>
        <translation>Recall (passages)</translation>
    </message>
    <message>
        <source>F1 (passages)</source>
        <translation>F1 (passages)</translation>
    </message>
    <message>
        <source>F1 (documents)</source>
        <translation>F1 (documents)</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Valence</translation>
    </message>
    <message>
        <source>Intimité</source>
        <translation>Intimacy</translation>
    </message>
    <message>
        <source>Tracer</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Enregistrer…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Enregistrer le graphique en PNG ou SVG</source>
        <translation>Save the chart as PNG or SVG</translation>
    </message>
    <message>
        <source>Copier le tableau</source>
        <translation>Copy the table</translation>
    </message>
    <message>
        <source>Copie le tableau, séparé par des tabulations, pour un tableur</source>
        <translation>Copies the table, tab-separated, for a spreadsheet</translation>
    </message>
    <message>
        <source>Copier l&apos;image</source>
        <translation>Copy the picture</translation>
    </message>
    <message>
        <source>Tous les codes de premier niveau</source>
        <translation>All top-level codes</translation>
    </message>
    <message>
        <source>Choisissez un code et une variable pour le tableau croisé.</source>
        <translation>Choose a code and a variable for the crosstab.</translation>
    </message>
    <message>
        <source>Tracé en cours…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <source>Tableau copié.</source>
        <translation>Table copied.</translation>
    </message>
    <message>
        <source>Image copiée.</source>
        <translation>Picture copied.</translation>
    </message>
    <message>
        <source>Enregistrer le graphique</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>Graphique enregistré : {path}</source>
        <translation>Chart saved: {path}</translation>
    </message>
</context>
<context>
    <name>ClusterChoice</name>
    <message>
        <source>Sur ce poste</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Sur un cluster Ray</source>
        <translation>On a Ray cluster</translation>
    </message>
    <message>
        <source>vide : un cluster Ray local ; sinon ray://hôte:10001</source>
        <translation>empty: a local Ray cluster; otherwise ray://host:10001</translation>
    </message>
    <message>
        <source>Les textes des unités partent vers ce cluster, et vers lui seul.</source>
        <translation>The units&apos; texts go to this cluster, and to it alone.</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Codages</source>
        <translation>Codings</translation>
    </message>
    <message>
        <source>Coder la sélection</source>
        <translation>Code selection</translation>
    </message>
    <message>
        <source>Coder le document</source>
        <translation>Code document</translation>
    </message>
    <message>
        <source>Livre de codes</source>
        <translation>Codebook</translation>
    </message>
    <message>
        <source>Nouveau sous-code…</source>
        <translation>New sub-code…</translation>
    </message>
    <message>
        <source>Nouveau code…</source>
        <translation>New code…</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Changer la couleur…</source>
        <translation>Change colour…</translation>
    </message>
    <message>
        <source>Fusionner dans…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>{total} codages avec les sous-codes, dont {own} sur ce code</source>
        <translation>{total} codings with sub-codes, {own} of them on this code</translation>
    </message>
    <message>
        <source>Modification impossible</source>
        <translation>Cannot change</translation>
    </message>
    <message>
        <source>Sous « {path} »</source>
        <translation>Under “{path}”</translation>
    </message>
    <message>
        <source>Au premier niveau du livre de codes</source>
        <translation>At the top level of the codebook</translation>
    </message>
    <message>
        <source>Couleur de « {name} »</source>
        <translation>Colour of “{name}”</translation>
    </message>
    <message>
        <source>{count} codage(s)</source>
        <translation>{count} coding(s)</translation>
    </message>
    <message>
        <source>{count} sous-code(s)</source>
        <translation>{count} sub-code(s)</translation>
    </message>
    <message>
        <source>{count} mémo(s)</source>
        <translation>{count} memo(s)</translation>
    </message>
    <message>
        <source>Supprimer le code</source>
        <translation>Delete code</translation>
    </message>
    <message>
        <source>Supprimer « {path} » ? Partiront avec lui : {what}.
Vous pourrez revenir en arrière avec Édition &gt; Annuler.</source>
        <translation>Delete “{path}”? With it go: {what}.
You can take it back with Edit &gt; Undo.</translation>
    </message>
</context>
<context>
    <name>CodebookFilesMenu</name>
    <message>
        <source>Charger un schéma fourni</source>
        <translation>Load a shipped scheme</translation>
    </message>
    <message>
        <source>Charger un fichier (YAML ou .qdc)…</source>
        <translation>Load a file (YAML or .qdc)…</translation>
    </message>
    <message>
        <source>Exporter le livre de codes (.qdc)…</source>
        <translation>Export the codebook (.qdc)…</translation>
    </message>
    <message>
        <source>Exporter ce schéma (YAML)…</source>
        <translation>Export this scheme (YAML)…</translation>
    </message>
    <message>
        <source>Lecture des schémas…</source>
        <translation>Reading the schemes…</translation>
    </message>
    <message>
        <source>{name} ({count} codes)</source>
        <translation>{name} ({count} codes)</translation>
    </message>
    <message>
        <source>Chargement du livre de codes</source>
        <translation>Loading the codebook</translation>
    </message>
    <message>
        <source>Chargement annulé : le livre de codes est inchangé.</source>
        <translation>Loading cancelled: the codebook is unchanged.</translation>
    </message>
    <message>
        <source>Charger un livre de codes</source>
        <translation>Load a codebook</translation>
    </message>
    <message>
        <source>Livres de codes (*.yaml *.yml *.qdc);;Schémas YAML (*.yaml *.yml);;REFI-QDA (*.qdc)</source>
        <translation>Codebooks (*.yaml *.yml *.qdc);;YAML schemes (*.yaml *.yml);;REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>Schéma YAML (*.yaml)</source>
        <translation>YAML scheme (*.yaml)</translation>
    </message>
    <message>
        <source>REFI-QDA (*.qdc)</source>
        <translation>REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>Exporter le livre de codes</source>
        <translation>Export the codebook</translation>
    </message>
    <message>
        <source>Export du livre de codes</source>
        <translation>Codebook export</translation>
    </message>
    <message>
        <source>Export annulé : aucun fichier n&apos;a été écrit.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>analyste</source>
        <translation>analyst</translation>
    </message>
    <message>
        <source>formateur</source>
        <translation>trainer</translation>
    </message>
    <message>
        <source>stagiaire</source>
        <translation>trainee</translation>
    </message>
    <message>
        <source>référence</source>
        <translation>reference</translation>
    </message>
    <message>
        <source>modèle</source>
        <translation>model</translation>
    </message>
    <message>
        <source>nouveau</source>
        <translation>new</translation>
    </message>
    <message>
        <source>Codeur</source>
        <translation>Coder</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rôle :</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Le rôle se choisit une fois un projet ouvert.</source>
        <translation>The role is chosen once a project is open.</translation>
    </message>
    <message>
        <source>Nouveau codeur : il sera ajouté au projet.</source>
        <translation>New coder: they will be added to the project.</translation>
    </message>
    <message>
        <source>Codeur non enregistré</source>
        <translation>Coder not saved</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <source>Sélectionnez d&apos;abord un passage du texte à coder.</source>
        <translation>First select a passage of the text to code.</translation>
    </message>
    <message>
        <source>Placez le curseur dans un tour de parole.</source>
        <translation>Put the cursor inside a speaker turn.</translation>
    </message>
    <message>
        <source>Aucun code favori sur la touche {key}.</source>
        <translation>No favourite code on key {key}.</translation>
    </message>
    <message>
        <source>Coder la sélection avec…</source>
        <translation>Code the selection with…</translation>
    </message>
    <message>
        <source>Coder tout le document avec…</source>
        <translation>Code the whole document with…</translation>
    </message>
    <message>
        <source>Coder le tour de parole avec…</source>
        <translation>Code the speaker turn with…</translation>
    </message>
    <message>
        <source>Récents</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>Autre code…</source>
        <translation>Other code…</translation>
    </message>
    <message>
        <source>Coder la sélection</source>
        <translation>Code the selection</translation>
    </message>
    <message>
        <source>Coder tout le document</source>
        <translation>Code the whole document</translation>
    </message>
    <message>
        <source>Coder le tour de parole de {speaker}</source>
        <translation>Code the turn of {speaker}</translation>
    </message>
    <message>
        <source>Codages ici</source>
        <translation>Codings here</translation>
    </message>
    <message>
        <source>Favoris</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Tout sélectionner</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Épingler comme favori</source>
        <translation>Pin as favourite</translation>
    </message>
    <message>
        <source>Retirer des favoris</source>
        <translation>Remove from favourites</translation>
    </message>
    <message>
        <source>{code} · {coder}</source>
        <translation>{code} · {coder}</translation>
    </message>
    <message>
        <source>Sélectionner le passage codé</source>
        <translation>Select the coded passage</translation>
    </message>
    <message>
        <source>Retirer ce codage</source>
        <translation>Remove this coding</translation>
    </message>
    <message>
        <source>Recoder avec</source>
        <translation>Recode with</translation>
    </message>
    <message>
        <source>Ajuster à la sélection</source>
        <translation>Fit to the selection</translation>
    </message>
    <message>
        <source>Ajouter un mémo…</source>
        <translation>Add a memo…</translation>
    </message>
    <message>
        <source>Modifier le mémo « {text} »</source>
        <translation>Edit the memo “{text}”</translation>
    </message>
    <message>
        <source>Mémo sur {about}</source>
        <translation>Memo on {about}</translation>
    </message>
    <message>
        <source>Modifier le mémo sur {about}</source>
        <translation>Edit the memo on {about}</translation>
    </message>
</context>
<context>
    <name>CollectResultsDialog</name>
    <message>
        <source>Copies collectées</source>
        <translation>Collected hand-ins</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Collectée : {trainee}, {codings}</source>
        <translation>Collected: {trainee}, {codings}</translation>
    </message>
    <message numerus="yes">
        <source>%n codages</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mémos</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message>
        <source>, en {used} min sur {limit}</source>
        <translation>, in {used} of {limit} min</translation>
    </message>
    <message>
        <source>Refusée : {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <source>{collected}, {refused} (rien n&apos;a été changé pour les copies refusées).</source>
        <translation>{collected}, {refused} (nothing was changed for the refused hand-ins).</translation>
    </message>
    <message numerus="yes">
        <source>%n copies collectées</source>
        <translation>
            <numerusform>%n hand-in collected</numerusform>
            <numerusform>%n hand-ins collected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refusées</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CreateExerciseDialog</name>
    <message>
        <source>Créer un exercice</source>
        <translation>Create an exercise</translation>
    </message>
    <message>
        <source>Les documents affichés dans la liste ({count})</source>
        <translation>The documents shown in the list ({count})</translation>
    </message>
    <message>
        <source>Tous les documents de type :</source>
        <translation>All documents of type:</translation>
    </message>
    <message>
        <source>Ce que les stagiaires doivent faire, par exemple : repérez la forme de relation de chaque appel.</source>
        <translation>What the trainees must do, for example: identify each call&apos;s relationship form.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Sans limite</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>exercice.vwb</source>
        <translation>exercise.vwb</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Consignes</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Temps imparti</source>
        <translation>Time allowed</translation>
    </message>
    <message>
        <source>Fichier de l&apos;exercice</source>
        <translation>Exercise file</translation>
    </message>
    <message>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Projets Verbatim Workbench (*.vwb)</source>
        <translation>Verbatim Workbench projects (*.vwb)</translation>
    </message>
    <message>
        <source>Cochez au moins un code à donner aux stagiaires.</source>
        <translation>Tick at least one code to give the trainees.</translation>
    </message>
    <message>
        <source>Écrivez les consignes : les stagiaires les verront en ouvrant l&apos;exercice.</source>
        <translation>Write the instructions: the trainees will see them when they open the exercise.</translation>
    </message>
    <message>
        <source>Donnez un nom de fichier qui se termine par .vwb.</source>
        <translation>Give a file name ending in .vwb.</translation>
    </message>
    <message>
        <source>{name} existe déjà : choisissez un autre nom.</source>
        <translation>{name} already exists: choose another name.</translation>
    </message>
</context>
<context>
    <name>DeviceLabel</name>
    <message>
        <source>Calcul : …</source>
        <translation>Compute: …</translation>
    </message>
    <message>
        <source>Calcul : GPU {name}</source>
        <translation>Compute: GPU {name}</translation>
    </message>
    <message>
        <source>{memory} Gio, CUDA {cuda}</source>
        <translation>{memory} GiB, CUDA {cuda}</translation>
    </message>
    <message>
        <source>Calcul : CPU</source>
        <translation>Compute: CPU</translation>
    </message>
    <message>
        <source>{cpu}, {count} cœurs ; aucun GPU CUDA utilisable</source>
        <translation>{cpu}, {count} cores; no usable CUDA GPU</translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message>
        <source>Filtrer (texte ou titre)…</source>
        <translation>Filter (text or title)…</translation>
    </message>
    <message>
        <source>Filtres</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>codé avec</source>
        <translation>coded with</translation>
    </message>
    <message>
        <source>sans</source>
        <translation>without</translation>
    </message>
    <message>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Non codés</source>
        <translation>Not coded</translation>
    </message>
    <message>
        <source>Codés</source>
        <translation>Coded</translation>
    </message>
    <message>
        <source>Suggestions à revoir</source>
        <translation>Suggestions to review</translation>
    </message>
    <message>
        <source>Sans suggestion à revoir</source>
        <translation>No suggestion to review</translation>
    </message>
    <message>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Codeur</source>
        <translation>Coder</translation>
    </message>
    <message>
        <source>Révision</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Toute variable</source>
        <translation>Any variable</translation>
    </message>
    <message>
        <source>Tout code</source>
        <translation>Any code</translation>
    </message>
    <message>
        <source>Tout codeur</source>
        <translation>Any coder</translation>
    </message>
    <message>
        <source>Toute valeur</source>
        <translation>Any value</translation>
    </message>
    <message>
        <source>Recherche des documents…</source>
        <translation>Finding the documents…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) sur {total}</source>
        <translation>
            <numerusform>%n document of {total}</numerusform>
            <numerusform>%n documents of {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <source>Appel</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Entretien</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Enquête</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>Document entier : {codes}</source>
        <translation>Whole document: {codes}</translation>
    </message>
</context>
<context>
    <name>DocumentStyles</name>
    <message>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Message cité (non codé)</source>
        <translation>Quoted message (not coded)</translation>
    </message>
    <message>
        <source>Signature (non codée)</source>
        <translation>Signature (not coded)</translation>
    </message>
    <message>
        <source>En-tête (non codé)</source>
        <translation>Header (not coded)</translation>
    </message>
    <message>
        <source>Pièce jointe (non codée)</source>
        <translation>Attachment (not coded)</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Caractères</source>
        <translation>Characters</translation>
    </message>
    <message>
        <source>Codages</source>
        <translation>Codings</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>manuel</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>suggestion acceptée</source>
        <translation>accepted suggestion</translation>
    </message>
    <message>
        <source>codage automatique</source>
        <translation>auto-coding</translation>
    </message>
    <message>
        <source>importé</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>document entier</source>
        <translation>whole document</translation>
    </message>
    <message>
        <source>Mémo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>ExcelExportDialog</name>
    <message>
        <source>Export Excel</source>
        <translation>Excel export</translation>
    </message>
    <message>
        <source>Exporter vers Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source> caractères</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>(le plus actif)</source>
        <translation>(the most active)</translation>
    </message>
    <message>
        <source>type de document</source>
        <translation>document type</translation>
    </message>
    <message>
        <source>groupe NPS</source>
        <translation>NPS group</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Vide : un tableau par code de premier niveau et par variable utile</source>
        <translation>Empty: one table per top-level code and useful variable</translation>
    </message>
    <message>
        <source>Feuilles :</source>
        <translation>Sheets:</translation>
    </message>
    <message>
        <source>Contexte autour de chaque segment :</source>
        <translation>Context around each segment:</translation>
    </message>
    <message>
        <source>Accord entre :</source>
        <translation>Agreement between:</translation>
    </message>
    <message>
        <source>Tableaux croisés :</source>
        <translation>Crosstabs:</translation>
    </message>
    <message>
        <source>cochez au moins une feuille.</source>
        <translation>tick at least one sheet.</translation>
    </message>
    <message>
        <source>choisissez deux codeurs différents pour l&apos;accord, ou aucun.</source>
        <translation>choose two different coders for the agreement, or none.</translation>
    </message>
</context>
<context>
    <name>ExerciseActions</name>
    <message>
        <source>F&amp;ormation</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <source>&amp;Créer un exercice…</source>
        <translation>&amp;Create an exercise…</translation>
    </message>
    <message>
        <source>C&amp;ollecter des copies…</source>
        <translation>C&amp;ollect hand-ins…</translation>
    </message>
    <message>
        <source>Exporter les retours en &amp;Excel…</source>
        <translation>Export feedback to &amp;Excel…</translation>
    </message>
    <message>
        <source>Exporter les retours en &amp;HTML…</source>
        <translation>Export feedback to &amp;HTML…</translation>
    </message>
    <message>
        <source>Une tâche est déjà en cours : attendez sa fin.</source>
        <translation>A task is already running: wait until it ends.</translation>
    </message>
    <message>
        <source>Exercice</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>Création annulée : aucun exercice n&apos;a été écrit.</source>
        <translation>Creation cancelled: no exercise was written.</translation>
    </message>
    <message>
        <source>Copies des stagiaires</source>
        <translation>Trainees&apos; hand-ins</translation>
    </message>
    <message>
        <source>Projets Verbatim Workbench (*.vwb)</source>
        <translation>Verbatim Workbench projects (*.vwb)</translation>
    </message>
    <message>
        <source>Collecte</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Collecte annulée.</source>
        <translation>Collection cancelled.</translation>
    </message>
    <message>
        <source>Retours aux stagiaires (Excel)</source>
        <translation>Feedback to trainees (Excel)</translation>
    </message>
    <message>
        <source>retours.xlsx</source>
        <translation>feedback.xlsx</translation>
    </message>
    <message>
        <source>Classeurs Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Dossier des retours (HTML)</source>
        <translation>Feedback folder (HTML)</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>Excel export</translation>
    </message>
    <message>
        <source>Export annulé : aucun fichier n&apos;a été écrit.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Export HTML</source>
        <translation>HTML export</translation>
    </message>
    <message>
        <source>Export annulé.</source>
        <translation>Export cancelled.</translation>
    </message>
</context>
<context>
    <name>ExerciseBanner</name>
    <message>
        <source>Rendre ma copie…</source>
        <translation>Hand in my work…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copie rendue&lt;/b&gt; par {trainee} : à collecter dans le projet de référence, sans la modifier</source>
        <translation>&lt;b&gt;Handed in&lt;/b&gt; by {trainee}: to be collected into the reference project, unchanged</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exercice&lt;/b&gt; — stagiaire : {trainee}</source>
        <translation>&lt;b&gt;Exercise&lt;/b&gt; — trainee: {trainee}</translation>
    </message>
    <message>
        <source>Sans limite de temps</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <source>Temps imparti : {limit} min</source>
        <translation>Time allowed: {limit} min</translation>
    </message>
    <message>
        <source>Temps écoulé ({limit} min) : rendez votre copie</source>
        <translation>Time is up ({limit} min): hand in your work</translation>
    </message>
    <message>
        <source>Temps imparti : {limit} min · reste {left} min</source>
        <translation>Time allowed: {limit} min · {left} min left</translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%n lignes</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tableaux</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n graphiques</source>
        <translation>
            <numerusform>%n chart</numerusform>
            <numerusform>%n charts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codes</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codages</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mémos</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Segments codés</source>
        <translation>Coded segments</translation>
    </message>
    <message>
        <source>Matrice documents × codes</source>
        <translation>Documents × codes matrix</translation>
    </message>
    <message>
        <source>Livre de codes</source>
        <translation>Codebook</translation>
    </message>
    <message>
        <source>Fréquences</source>
        <translation>Frequencies</translation>
    </message>
    <message>
        <source>Tableaux croisés</source>
        <translation>Crosstabs</translation>
    </message>
    <message>
        <source>Accord entre codeurs</source>
        <translation>Agreement between coders</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Graphiques</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>segments codés (une ligne par codage)</source>
        <translation>coded segments (one row per coding)</translation>
    </message>
    <message>
        <source>matrice documents × codes</source>
        <translation>documents × codes matrix</translation>
    </message>
    <message>
        <source>documents et leurs variables</source>
        <translation>documents and their variables</translation>
    </message>
    <message>
        <source>virgule (,)</source>
        <translation>comma (,)</translation>
    </message>
    <message>
        <source>point-virgule (;) et virgules décimales : Excel en français</source>
        <translation>semicolon (;) and decimal commas: French Excel</translation>
    </message>
    <message>
        <source>tabulation</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>rien n&apos;a été écrit.</source>
        <translation>nothing was written.</translation>
    </message>
    <message>
        <source>{sheet} ({rows})</source>
        <translation>{sheet} ({rows})</translation>
    </message>
    <message>
        <source>classeur Excel écrit dans {path}, feuilles : {sheets}.</source>
        <translation>Excel workbook written to {path}, sheets: {sheets}.</translation>
    </message>
    <message>
        <source>table « {table} » écrite dans {path} : {rows}.</source>
        <translation>table “{table}” written to {path}: {rows}.</translation>
    </message>
    <message>
        <source>projet REFI-QDA écrit dans {path} : {documents}, {codes}, {codings}, {memos}.</source>
        <translation>REFI-QDA project written to {path}: {documents}, {codes}, {codings}, {memos}.</translation>
    </message>
    <message>
        <source>corpus IRaMuTeQ écrit dans {path} : {documents}, chacun précédé de sa ligne **** de variables.</source>
        <translation>IRaMuTeQ corpus written to {path}: {documents}, each preceded by its **** line of variables.</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Fichier :</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Annuler l&apos;export</source>
        <translation>Cancel the export</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Exporter vers…</source>
        <translation>Export to…</translation>
    </message>
    <message>
        <source>donnez un nom de fichier.</source>
        <translation>give a file name.</translation>
    </message>
    <message>
        <source>le fichier doit se terminer par {endings}.</source>
        <translation>the file must end in {endings}.</translation>
    </message>
    <message>
        <source> ou </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Une tâche est déjà en cours : attendez sa fin.</source>
        <translation>A task is already running: wait until it ends.</translation>
    </message>
    <message>
        <source>Export impossible : {reason}</source>
        <translation>Cannot export: {reason}</translation>
    </message>
    <message>
        <source>Export annulé : aucun fichier n&apos;a été écrit ni remplacé.</source>
        <translation>Export cancelled: no file was written or replaced.</translation>
    </message>
    <message>
        <source>Terminé : {summary}</source>
        <translation>Done: {summary}</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>CSV / Parquet…</source>
        <translation>CSV / Parquet…</translation>
    </message>
    <message>
        <source>REFI-QDA (.qdpx)…</source>
        <translation>REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <source>IRaMuTeQ…</source>
        <translation>IRaMuTeQ…</translation>
    </message>
    <message>
        <source>E&amp;xporter</source>
        <translation>E&amp;xport</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>Créer un exercice…</source>
        <translation>Create an exercise…</translation>
    </message>
    <message>
        <source>Collecter des copies…</source>
        <translation>Collect hand-ins…</translation>
    </message>
    <message>
        <source>Actualiser les résultats</source>
        <translation>Refresh the results</translation>
    </message>
    <message>
        <source>Exporter en Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Exporter en HTML…</source>
        <translation>Export to HTML…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>F1 passages</source>
        <translation>F1 passages</translation>
    </message>
    <message>
        <source>Précision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Rappel</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1 documents</source>
        <translation>F1 documents</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Code du
stagiaire</source>
        <translation>Trainee&apos;s
code</translation>
    </message>
    <message>
        <source>Stagiaire</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Code de la
référence</source>
        <translation>Reference&apos;s
code</translation>
    </message>
    <message>
        <source>Codé par
le stagiaire</source>
        <translation>Coded by
the trainee</translation>
    </message>
    <message>
        <source>Là où la
référence dit</source>
        <translation>Where the
reference says</translation>
    </message>
    <message>
        <source>Fois</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Stagiaires</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source>Par code</source>
        <translation>Per code</translation>
    </message>
    <message>
        <source>Oublis</source>
        <translation>Misses</translation>
    </message>
    <message>
        <source>Fausses alertes</source>
        <translation>False alarms</translation>
    </message>
    <message>
        <source>Confusions</source>
        <translation>Confusions</translation>
    </message>
    <message>
        <source>F1
passages
moyen</source>
        <translation>Mean F1
passages</translation>
    </message>
    <message>
        <source>F1
documents
moyen</source>
        <translation>Mean F1
documents</translation>
    </message>
    <message>
        <source>Codes, du plus difficile</source>
        <translation>Codes, hardest first</translation>
    </message>
    <message>
        <source>F1 moyen des stagiaires par code, du plus difficile au plus facile</source>
        <translation>The trainees' mean F1 per code, hardest first</translation>
    </message>
    <message>
        <source>Progrès par exercice</source>
        <translation>Progress per exercise</translation>
    </message>
    <message>
        <source>Groupe</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>F1 passages de chaque stagiaire, exercice par exercice</source>
        <translation>Each trainee&apos;s F1 on passages, exercise by exercise</translation>
    </message>
    <message>
        <source>&lt;b&gt;Référence&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reference&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stagiaire&lt;/b&gt;</source>
        <translation>&lt;b&gt;Trainee&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Exercice</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>Créez un exercice, collectez les copies des stagiaires, puis cliquez sur « Actualiser les résultats ».</source>
        <translation>Create an exercise, collect the trainees&apos; hand-ins, then click “Refresh the results”.</translation>
    </message>
    <message>
        <source>Calcul des résultats…</source>
        <translation>Computing the results…</translation>
    </message>
    <message>
        <source>Référence : {reference} · {exercises}, {trainees}</source>
        <translation>Reference: {reference} · {exercises}, {trainees}</translation>
    </message>
    <message numerus="yes">
        <source>%n exercices</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stagiaires</source>
        <translation>
            <numerusform>%n trainee</numerusform>
            <numerusform>%n trainees</numerusform>
        </translation>
    </message>
    <message>
        <source>Exercice {number} ({date})</source>
        <translation>Exercise {number} ({date})</translation>
    </message>
    <message>
        <source>Accord entre stagiaires (alpha de Krippendorff) : documents {documents} · caractères {characters}</source>
        <translation>Agreement among trainees (Krippendorff&apos;s alpha): documents {documents} · characters {characters}</translation>
    </message>
    <message>
        <source>Il faut au moins deux copies pour mesurer l&apos;accord entre stagiaires.</source>
        <translation>At least two hand-ins are needed to measure agreement among trainees.</translation>
    </message>
    <message>
        <source>{trainee} — passages : F1 {span_f1} (précision {precision}, rappel {recall}) · documents : F1 {document_f1} · {misses}, {false_alarms}</source>
        <translation>{trainee} — passages: F1 {span_f1} (precision {precision}, recall {recall}) · documents: F1 {document_f1} · {misses}, {false_alarms}</translation>
    </message>
    <message numerus="yes">
        <source>%n oublis</source>
        <translation>
            <numerusform>%n miss</numerusform>
            <numerusform>%n misses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fausses alertes</source>
        <translation>
            <numerusform>%n false alarm</numerusform>
            <numerusform>%n false alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>rien</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>Aucune confusion entre codes.</source>
        <translation>No confusion between codes.</translation>
    </message>
    <message>
        <source>codé {trainee_code} là où la référence dit {reference_code} ({count})</source>
        <translation>coded {trainee_code} where the reference says {reference_code} ({count})</translation>
    </message>
    <message numerus="yes">
        <source>%n fois</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <source>(rien)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <source>Mémo du stagiaire : {notes}</source>
        <translation>Trainee&apos;s memo: {notes}</translation>
    </message>
    <message>
        <source>Définition de {code} : {definition}</source>
        <translation>Definition of {code}: {definition}</translation>
    </message>
    <message>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Indicateurs : {indicators}</source>
        <translation>Indicators: {indicators}</translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <source>Filtres (rien de coché : tout)</source>
        <translation>Filters (nothing ticked: everything)</translation>
    </message>
    <message>
        <source>Depuis le</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Jusqu&apos;au</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Codeurs</source>
        <translation>Coders</translation>
    </message>
    <message>
        <source>Types de document</source>
        <translation>Document types</translation>
    </message>
</context>
<context>
    <name>FirstStepsDialog</name>
    <message>
        <source>Premiers pas</source>
        <translation>First steps</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Premiers pas&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Ouvrir la démonstration.&lt;/b&gt; Sur la page d&apos;accueil, « Ouvrir le projet de démonstration » crée un projet d&apos;exemple (appels, e-mails, entretiens, enquête) déjà codé en partie : le meilleur moyen de voir à quoi ressemble le travail.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Importer vos verbatims.&lt;/b&gt; Fichier › Nouveau projet…, puis Fichier › Importer des fichiers… (ou glissez les fichiers sur la fenêtre) : tableaux CSV ou Excel, e-mails, transcriptions, projets REFI-QDA (.qdpx). Pour un tableau, choisissez la colonne qui contient le texte. Les textes restent sur votre ordinateur.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Coder.&lt;/b&gt; Ouvrez un document dans la liste de gauche, sélectionnez un passage, puis cliquez sur un code à droite, tapez le chiffre d&apos;un code favori (1 à 9) ou Ctrl+K pour chercher un code. Clic droit sur le texte pour les autres choix. Ctrl+Z annule, Ctrl+Maj+Z rétablit.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Relire les suggestions.&lt;/b&gt; Traitement › Suggérer des codes propose des codes pour les passages non codés, appris de vos propres codages. Dans l&apos;onglet « Suggestions », A accepte, R rejette, L change de code, S passe ; rien n&apos;est codé sans votre accord.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exporter.&lt;/b&gt; Fichier › Exporter : un classeur Excel (segments, matrice, fréquences, tableaux croisés, graphiques), une table CSV ou Parquet, un projet REFI-QDA pour un autre logiciel, ou un corpus IRaMuTeQ.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Aide › Raccourcis clavier donne toutes les touches.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;First steps&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open the demo.&lt;/b&gt; On the start page, “Open the demo project” builds a sample project (calls, e-mails, interviews, a survey), already partly coded: the best way to see what the work looks like.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Import your verbatims.&lt;/b&gt; File › New project…, then File › Import files… (or drop the files on the window): CSV or Excel tables, e-mails, transcripts, REFI-QDA projects (.qdpx). For a table, choose the column holding the text. The texts stay on your computer.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Code.&lt;/b&gt; Open a document in the list on the left, select a passage, then click a code on the right, type the number of a favourite code (1 to 9) or Ctrl+K to find a code. Right-click the text for the other choices. Ctrl+Z undoes, Ctrl+Shift+Z redoes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review the suggestions.&lt;/b&gt; Analysis › Suggest codes proposes codes for uncoded passages, learnt from your own codings. In the “Suggestions” tab, A accepts, R rejects, L changes the code, S skips; nothing is coded without your consent.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export.&lt;/b&gt; File › Export: an Excel workbook (segments, matrix, frequencies, crosstabs, charts), a CSV or Parquet table, a REFI-QDA project for another program, or an IRaMuTeQ corpus.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Help › Keyboard shortcuts lists every key.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Premiers pas</source>
        <translation>&amp;First steps</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>À &amp;propos…</source>
        <translation>&amp;About…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importer des fichiers</source>
        <translation>Import files</translation>
    </message>
    <message>
        <source>Ajouter des fichiers…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Ajouter un dossier…</source>
        <translation>Add a folder…</translation>
    </message>
    <message>
        <source>Retirer de la liste</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Type de document</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Ajoutez des fichiers ou des dossiers, ou déposez-les sur cette liste. Formats : .csv .xlsx .eml .mbox .msg .txt .docx .vtt .srt .qdpx</source>
        <translation>Add files or folders, or drop them on this list. Formats: .csv .xlsx .eml .mbox .msg .txt .docx .vtt .srt .qdpx</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sélectionnez un tableau (.csv, .xlsx) pour voir ses premières lignes.</source>
        <translation>Select a table (.csv, .xlsx) to see its first rows.</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Annuler l&apos;import</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <source>Importer d&apos;autres fichiers</source>
        <translation>Import other files</translation>
    </message>
    <message>
        <source>fichier caché, privé ou verrou</source>
        <translation>hidden, private or lock file</translation>
    </message>
    <message>
        <source>notes sur le corpus</source>
        <translation>notes about the corpus</translation>
    </message>
    <message>
        <source>semble être un corrigé</source>
        <translation>looks like an answer key</translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers des dossiers laissés de côté, qui ne sont pas des documents : {files}. Pour en importer un quand même, ajoutez-le avec « Ajouter des fichiers… ».</source>
        <translation>
            <numerusform>%n file of the folders left out, not a document: {files}. To import it all the same, add it with “Add files…”.</numerusform>
            <numerusform>%n files of the folders left out, not documents: {files}. To import one all the same, add it with “Add files…”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Projet REFI-QDA</source>
        <translation>REFI-QDA project</translation>
    </message>
    <message>
        <source>Format non pris en charge</source>
        <translation>Unsupported format</translation>
    </message>
    <message>
        <source>Tableau</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>Transcript</translation>
    </message>
    <message>
        <source>Ajouter des fichiers</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>Verbatims (*.csv *.xlsx *.eml *.mbox *.msg *.txt *.docx *.vtt *.srt *.qdpx *.qde);;Tous (*)</source>
        <translation>Verbatims (*.csv *.xlsx *.eml *.mbox *.msg *.txt *.docx *.vtt *.srt *.qdpx *.qde);;All (*)</translation>
    </message>
    <message>
        <source>Ajouter un dossier</source>
        <translation>Add a folder</translation>
    </message>
    <message>
        <source>Pas d&apos;aperçu : seuls les tableaux (.csv, .xlsx) en ont un.</source>
        <translation>No preview: only tables (.csv, .xlsx) have one.</translation>
    </message>
    <message>
        <source>Aperçu impossible, ce fichier sera refusé : {reason}</source>
        <translation>No preview, this file will be refused: {reason}</translation>
    </message>
    <message>
        <source>Lecture des premières lignes de {name}…</source>
        <translation>Reading the first rows of {name}…</translation>
    </message>
    <message>
        <source>Une autre tâche est en cours : importez quand elle sera finie.</source>
        <translation>Another task is running: import once it has finished.</translation>
    </message>
    <message>
        <source>L&apos;import s&apos;est arrêté : {message}</source>
        <translation>The import stopped: {message}</translation>
    </message>
    <message>
        <source>Import annulé : les fichiers qu&apos;il avait déjà importés ont été retirés, le projet est tel qu&apos;avant.</source>
        <translation>Import cancelled: the files it had already imported were taken back; the project is as it was.</translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Import en cours : {file}</source>
        <translation>Importing: {file}</translation>
    </message>
</context>
<context>
    <name>ImportResultsPage</name>
    <message numerus="yes">
        <source>%n documents importés</source>
        <translation>
            <numerusform>%n document imported</numerusform>
            <numerusform>%n documents imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers déjà importés</source>
        <translation>
            <numerusform>%n file already imported</numerusform>
            <numerusform>%n files already imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers refusés</source>
        <translation>
            <numerusform>%n file refused</numerusform>
            <numerusform>%n files refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Import terminé : {parts}.</source>
        <translation>Import finished: {parts}.</translation>
    </message>
    <message>
        <source>Les nouveaux documents sont maintenant segmentés et indexés en tâche de fond : la recherche les trouvera dès la fin de cette tâche.</source>
        <translation>The new documents are now being segmented and indexed in the background: search will find them as soon as this task ends.</translation>
    </message>
    <message>
        <source>{name} : refusé, ligne {line} : {reason}</source>
        <translation>{name}: refused, line {line}: {reason}</translation>
    </message>
    <message>
        <source>{name} : refusé : {reason}</source>
        <translation>{name}: refused: {reason}</translation>
    </message>
    <message>
        <source>{name} : ignoré, ce fichier a déjà été importé</source>
        <translation>{name}: skipped, this file was already imported</translation>
    </message>
    <message>
        <source>{name} : {documents} de type « {kind} »</source>
        <translation>{name}: {documents} of type “{kind}”</translation>
    </message>
    <message numerus="yes">
        <source>%n doublons écartés</source>
        <translation>
            <numerusform>%n duplicate left out</numerusform>
            <numerusform>%n duplicates left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lignes vides écartées</source>
        <translation>
            <numerusform>%n empty row left out</numerusform>
            <numerusform>%n empty rows left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tours de parole</source>
        <translation>
            <numerusform>%n speaker turn</numerusform>
            <numerusform>%n speaker turns</numerusform>
        </translation>
    </message>
    <message>
        <source>tous ses textes étaient déjà dans le projet</source>
        <translation>all its texts were already in the project</translation>
    </message>
</context>
<context>
    <name>IramuteqExportDialog</name>
    <message>
        <source>Export IRaMuTeQ</source>
        <translation>IRaMuTeQ export</translation>
    </message>
    <message>
        <source>Exporter un corpus IRaMuTeQ</source>
        <translation>Export an IRaMuTeQ corpus</translation>
    </message>
    <message>
        <source>préfixe, par exemple forme</source>
        <translation>prefix, for example form</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Variables étoilées :</source>
        <translation>Starred variables:</translation>
    </message>
    <message>
        <source>Étoiler avec les sous-codes de :</source>
        <translation>Star with the sub-codes of:</translation>
    </message>
    <message>
        <source>Donnez un préfixe pour les étoiles du code choisi.</source>
        <translation>Give a prefix for the stars of the chosen code.</translation>
    </message>
</context>
<context>
    <name>JobMessages</name>
    <message>
        <source>Tâche terminée.</source>
        <translation>Task finished.</translation>
    </message>
    <message>
        <source>,</source>
        <comment>decimal separator</comment>
        <translation>,</translation>
    </message>
    <message>
        <source>Import terminé : {documents} depuis {files}</source>
        <translation>Import finished: {documents} from {files}</translation>
    </message>
    <message numerus="yes">
        <source>%n documents importés</source>
        <translation>
            <numerusform>%n document imported</numerusform>
            <numerusform>%n documents imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} : {count}</source>
        <translation>{kind}: {count}</translation>
    </message>
    <message numerus="yes">
        <source> ; %n fichiers déjà importés, ignorés</source>
        <translation>
            <numerusform>; %n file already imported, skipped</numerusform>
            <numerusform>; %n files already imported, skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> ; %n fichiers n&apos;ont pas pu être importés</source>
        <translation>
            <numerusform>; %n file could not be imported</numerusform>
            <numerusform>; %n files could not be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (dont %n déjà dans le projet)</source>
        <translation>
            <numerusform> (%n already in the project)</numerusform>
            <numerusform> (%n already in the project)</numerusform>
        </translation>
    </message>
    <message>
        <source>Import REFI-QDA terminé ({name}) : {documents}, {codes}, {codings}, {memos}, {variables}, {coders}.</source>
        <translation>REFI-QDA import finished ({name}): {documents}, {codes}, {codings}, {memos}, {variables}, {coders}.</translation>
    </message>
    <message numerus="yes">
        <source>%n nouveaux codes</source>
        <translation>
            <numerusform>%n new code</numerusform>
            <numerusform>%n new codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codages</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mémos</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variables</source>
        <translation>
            <numerusform>%n variable</numerusform>
            <numerusform>%n variables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nouveaux codeurs</source>
        <translation>
            <numerusform>%n new coder</numerusform>
            <numerusform>%n new coders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segmentation terminée : rien à segmenter, %n documents étaient déjà segmentés.</source>
        <translation>
            <numerusform>Segmentation finished: nothing to segment, %n document was already segmented.</numerusform>
            <numerusform>Segmentation finished: nothing to segment, %n documents were already segmented.</numerusform>
        </translation>
    </message>
    <message>
        <source>Segmentation terminée : aucun document à segmenter.</source>
        <translation>Segmentation finished: no document to segment.</translation>
    </message>
    <message>
        <source>Segmentation terminée : {documents} ({words} ; langues : {languages}).</source>
        <translation>Segmentation finished: {documents} ({words}; languages: {languages}).</translation>
    </message>
    <message numerus="yes">
        <source>%n documents segmentés en {sentences} et indexés</source>
        <translation>
            <numerusform>%n document segmented into {sentences} and indexed</numerusform>
            <numerusform>%n documents segmented into {sentences} and indexed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phrases</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mots</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message>
        <source>aucune détectée</source>
        <translation>none detected</translation>
    </message>
    <message>
        <source>les originaux sont gardés dans le projet pour permettre la ré-identification</source>
        <translation>the originals are kept in the project so that names can be restored</translation>
    </message>
    <message>
        <source>les originaux ne sont pas gardés</source>
        <translation>the originals are not kept</translation>
    </message>
    <message>
        <source>Pseudonymisation terminée : {changed} ({found}) ; {originals}.</source>
        <translation>Pseudonymisation finished: {changed} ({found}); {originals}.</translation>
    </message>
    <message numerus="yes">
        <source>%n documents pseudonymisés sur {total}</source>
        <translation>
            <numerusform>%n document pseudonymised out of {total}</numerusform>
            <numerusform>%n documents pseudonymised out of {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>aucune donnée personnelle trouvée</source>
        <translation>no personal data found</translation>
    </message>
    <message numerus="yes">
        <source>%n noms de personne</source>
        <translation>
            <numerusform>%n person&apos;s name</numerusform>
            <numerusform>%n people&apos;s names</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adresses e-mail</source>
        <translation>
            <numerusform>%n e-mail address</numerusform>
            <numerusform>%n e-mail addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numéros de téléphone</source>
        <translation>
            <numerusform>%n phone number</numerusform>
            <numerusform>%n phone numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n IBAN</source>
        <translation>
            <numerusform>%n IBAN</numerusform>
            <numerusform>%n IBANs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numéros de carte bancaire</source>
        <translation>
            <numerusform>%n card number</numerusform>
            <numerusform>%n card numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adresses postales</source>
        <translation>
            <numerusform>%n postal address</numerusform>
            <numerusform>%n postal addresses</numerusform>
        </translation>
    </message>
    <message>
        <source>{files} et {documents} supprimés définitivement</source>
        <translation>{files} and {documents} permanently removed</translation>
    </message>
    <message numerus="yes">
        <source>%n documents supprimés définitivement</source>
        <translation>
            <numerusform>%n document permanently removed</numerusform>
            <numerusform>%n documents permanently removed</numerusform>
        </translation>
    </message>
    <message>
        <source>Suppression terminée : {removed}, avec {codings}, {suggestions} et {memos}.</source>
        <translation>Removal finished: {removed}, with {codings}, {suggestions} and {memos}.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message>
        <source>Calcul des suggestions terminé : {filed} (analyse n° {run}, {models}, {seconds} s)</source>
        <translation>Suggestions finished: {filed} (run {run}, {models}, {seconds} s)</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions en attente de revue</source>
        <translation>
            <numerusform>%n suggestion awaiting review</numerusform>
            <numerusform>%n suggestions awaiting review</numerusform>
        </translation>
    </message>
    <message>
        <source> ; {units} sans suggestion : {reasons}</source>
        <translation>; {units} without a suggestion: {reasons}</translation>
    </message>
    <message numerus="yes">
        <source>%n unités</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n déjà codées</source>
        <translation>
            <numerusform>%n already coded</numerusform>
            <numerusform>%n already coded</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} sous le seuil</source>
        <translation>{count} below the threshold</translation>
    </message>
    <message>
        <source>{count} hors de portée de la précision visée</source>
        <translation>{count} out of reach of the target precision</translation>
    </message>
    <message numerus="yes">
        <source>%n déjà revues</source>
        <translation>
            <numerusform>%n already reviewed</numerusform>
            <numerusform>%n already reviewed</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} car le code est seul dans son groupe, sans autre code à qui le comparer</source>
        <translation>{count} because the code is alone in its group, with no other code to compare it with</translation>
    </message>
    <message>
        <source>{count} pour une autre raison</source>
        <translation>{count} for another reason</translation>
    </message>
    <message>
        <source>Recherche de thèmes terminée : {topics} dans {units} (analyse n° {run})</source>
        <translation>Topic search finished: {topics} in {units} (run {run})</translation>
    </message>
    <message numerus="yes">
        <source>%n thèmes trouvés</source>
        <translation>
            <numerusform>%n topic found</numerusform>
            <numerusform>%n topics found</numerusform>
        </translation>
    </message>
    <message>
        <source> ; {percent} % des unités, d&apos;abord isolées, ont été rattachées au thème le plus proche</source>
        <translation>; {percent}% of the units, at first left apart, were attached to the nearest topic</translation>
    </message>
    <message>
        <source>documents et segments</source>
        <translation>documents and segments</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documents</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>segments</translation>
    </message>
    <message>
        <source>aucune unité</source>
        <translation>no unit</translation>
    </message>
    <message>
        <source>Calcul des vecteurs terminé ({model} sur {device}) : {computed}, {cached} déjà en cache ({units}, {seconds} s).</source>
        <translation>Vectors finished ({model} on {device}): {computed}, {cached} already cached ({units}, {seconds} s).</translation>
    </message>
    <message numerus="yes">
        <source>%n unités vectorisées</source>
        <translation>
            <numerusform>%n unit embedded</numerusform>
            <numerusform>%n units embedded</numerusform>
        </translation>
    </message>
    <message>
        <source>, durée limitée à {minutes} min</source>
        <translation>, limited to {minutes} min</translation>
    </message>
    <message>
        <source>Exercice créé : {path} ({documents}, {codes}{limit}).</source>
        <translation>Exercise created: {path} ({documents}, {codes}{limit}).</translation>
    </message>
    <message numerus="yes">
        <source>%n codes</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collecte terminée : %n copies collectées</source>
        <translation>
            <numerusform>Collection finished: %n hand-in collected</numerusform>
            <numerusform>Collection finished: %n hand-ins collected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n fichiers refusés</source>
        <translation>
            <numerusform>, %n file refused</numerusform>
            <numerusform>, %n files refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Copie rendue : {path} ({trainee}, {codings}).</source>
        <translation>Hand-in written: {path} ({trainee}, {codings}).</translation>
    </message>
    <message numerus="yes">
        <source>Export Excel terminé : %n feuilles écrites dans {path}.</source>
        <translation>
            <numerusform>Excel export finished: %n sheet written to {path}.</numerusform>
            <numerusform>Excel export finished: %n sheets written to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export HTML terminé : %n pages écrites dans {path}.</source>
        <translation>
            <numerusform>HTML export finished: %n page written to {path}.</numerusform>
            <numerusform>HTML export finished: %n pages written to {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sauvegarde terminée : copie écrite dans {path} ({documents}, {codings}, {size} Mo).</source>
        <translation>Backup finished: copy written to {path} ({documents}, {codings}, {size} MB).</translation>
    </message>
    <message numerus="yes">
        <source>%n codages ajoutés</source>
        <translation>
            <numerusform>%n coding added</numerusform>
            <numerusform>%n codings added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n éléments laissés de côté</source>
        <translation>
            <numerusform>, %n item left out</numerusform>
            <numerusform>, %n items left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Fusion terminée : {projects} dans {target} ({details}).</source>
        <translation>Merge finished: {projects} into {target} ({details}).</translation>
    </message>
    <message numerus="yes">
        <source>%n projets fusionnés</source>
        <translation>
            <numerusform>%n project merged</numerusform>
            <numerusform>%n projects merged</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} : rien de nouveau, le projet a déjà tout ce que cette copie pouvait apporter ({items}).</source>
        <translation>{name}: nothing new, the project already has everything this copy could bring ({items}).</translation>
    </message>
    <message numerus="yes">
        <source>%n éléments</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modifications de mémo</source>
        <translation>
            <numerusform>%n memo edit</numerusform>
            <numerusform>%n memo edits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n décisions de revue</source>
        <translation>
            <numerusform>%n review decision</numerusform>
            <numerusform>%n review decisions</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} a apporté {parts}</source>
        <translation>{name} brought {parts}</translation>
    </message>
    <message numerus="yes">
        <source> ; %n éléments étaient déjà dans le projet</source>
        <translation>
            <numerusform>; %n item was already in the project</numerusform>
            <numerusform>; %n items were already in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vérification terminée : %n problèmes trouvés.</source>
        <translation>
            <numerusform>Check finished: %n problem found.</numerusform>
            <numerusform>Check finished: %n problems found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vérification terminée : aucun problème dans {counts}.</source>
        <translation>Check finished: no problem in {counts}.</translation>
    </message>
    <message numerus="yes">
        <source>%n segments</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entrées d&apos;index</source>
        <translation>
            <numerusform>%n index entry</numerusform>
            <numerusform>%n index entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entrées du journal</source>
        <translation>
            <numerusform>%n journal entry</numerusform>
            <numerusform>%n journal entries</numerusform>
        </translation>
    </message>
    <message>
        <source>{table} : {count}</source>
        <translation>{table}: {count}</translation>
    </message>
    <message numerus="yes">
        <source>Chargement du livre de codes terminé : %n codes chargés depuis {source}.</source>
        <translation>
            <numerusform>Codebook loaded: %n code loaded from {source}.</numerusform>
            <numerusform>Codebook loaded: %n codes loaded from {source}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export du livre de codes terminé : %n codes écrits dans {path}.</source>
        <translation>
            <numerusform>Codebook export finished: %n code written to {path}.</numerusform>
            <numerusform>Codebook export finished: %n codes written to {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export impossible : rien n&apos;a été écrit.</source>
        <translation>Export impossible: nothing was written.</translation>
    </message>
    <message>
        <source>Export Excel terminé : {summary}</source>
        <translation>Excel export finished: {summary}</translation>
    </message>
    <message>
        <source>Export de table terminé : {summary}</source>
        <translation>Table export finished: {summary}</translation>
    </message>
    <message>
        <source>Export REFI-QDA terminé : {summary}</source>
        <translation>REFI-QDA export finished: {summary}</translation>
    </message>
    <message>
        <source>Export IRaMuTeQ terminé : {summary}</source>
        <translation>IRaMuTeQ export finished: {summary}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Retirer le codage</source>
        <translation>Remove coding</translation>
    </message>
    <message>
        <source>Codages de ce document</source>
        <translation>Codings in this document</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Graphiques</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Formation</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Mémos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Codage</source>
        <translation>Coding</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Ouvrir un projet…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>&amp;Importer des fichiers…</source>
        <translation>&amp;Import files…</translation>
    </message>
    <message>
        <source>&amp;Sauvegarder une copie…</source>
        <translation>&amp;Back up a copy…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Supprimer le document…</source>
        <translation>&amp;Delete document…</translation>
    </message>
    <message>
        <source>Document &amp;précédent</source>
        <translation>&amp;Previous document</translation>
    </message>
    <message>
        <source>Document &amp;suivant</source>
        <translation>&amp;Next document</translation>
    </message>
    <message>
        <source>Document suivant &amp;non codé</source>
        <translation>Next &amp;uncoded document</translation>
    </message>
    <message>
        <source>&amp;Traitement</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>&amp;Segmenter et indexer</source>
        <translation>&amp;Segment and index</translation>
    </message>
    <message>
        <source>Suggérer des &amp;codes</source>
        <translation>Suggest &amp;codes</translation>
    </message>
    <message>
        <source>Trouver des &amp;thèmes</source>
        <translation>Find &amp;topics</translation>
    </message>
    <message>
        <source>&amp;Locuteurs…</source>
        <translation>&amp;Speakers…</translation>
    </message>
    <message>
        <source>aucun projet</source>
        <translation>no project</translation>
    </message>
    <message>
        <source>Verbatim Workbench — {name}</source>
        <translation>Verbatim Workbench — {name}</translation>
    </message>
    <message>
        <source>&amp;Annuler : {action}</source>
        <translation>&amp;Undo: {action}</translation>
    </message>
    <message>
        <source>&amp;Rétablir : {action}</source>
        <translation>&amp;Redo: {action}</translation>
    </message>
    <message>
        <source>Ouvrez ou créez un projet.</source>
        <translation>Open or create a project.</translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segments</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codes</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codages</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
    <message>
        <source>Thèmes (cluster Ray)</source>
        <translation>Topics (Ray cluster)</translation>
    </message>
    <message>
        <source>Rôles enregistrés : les appels concernés seront relus au prochain traitement.</source>
        <translation>Roles saved: the calls concerned will be read again at the next run.</translation>
    </message>
    <message>
        <source>Tâche : {label}</source>
        <translation>Task: {label}</translation>
    </message>
    <message>
        <source>Tâche en cours</source>
        <translation>Task running</translation>
    </message>
    <message>
        <source>Une tâche est en cours. L&apos;annuler et quitter ? Le projet restera tel qu&apos;avant la tâche.</source>
        <translation>A task is running. Cancel it and quit? The project will stay as it was before the task.</translation>
    </message>
    <message>
        <source>Ouvrir un projet</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Projets Verbatim Workbench (*.vwb)</source>
        <translation>Verbatim Workbench projects (*.vwb)</translation>
    </message>
    <message>
        <source>{code} · {coder} · « {excerpt} »</source>
        <translation>{code} · {coder} · “{excerpt}”</translation>
    </message>
    <message>
        <source>Tous les documents ont au moins un codage.</source>
        <translation>Every document has at least one coding.</translation>
    </message>
    <message>
        <source>Action impossible</source>
        <translation>Action not possible</translation>
    </message>
    <message>
        <source>Rien de sélectionné</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <source>Sélectionnez un passage du texte à coder.</source>
        <translation>Select a passage of the text to code.</translation>
    </message>
    <message>
        <source>Une tâche est déjà en cours : attendez sa fin.</source>
        <translation>A task is already running: wait until it ends.</translation>
    </message>
    <message>
        <source>Supprimer le document</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <source>Supprimer définitivement le document n° {id}, avec ses codages, mémos et suggestions ? Cette suppression ne peut pas être annulée.</source>
        <translation>Delete document #{id} for good, with its codings, memos and suggestions? This cannot be undone.</translation>
    </message>
    <message>
        <source>Document n° {id} supprimé.</source>
        <translation>Document #{id} deleted.</translation>
    </message>
    <message>
        <source>Sauvegarder une copie du projet</source>
        <translation>Back up a copy of the project</translation>
    </message>
    <message>
        <source>Sauvegarde</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Sauvegarde annulée : aucune copie n&apos;a été écrite.</source>
        <translation>Backup cancelled: no copy was written.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import annulé : les fichiers qu&apos;il avait déjà importés ont été retirés.</source>
        <translation>Import cancelled: the files it had already imported were taken back.</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentation</translation>
    </message>
    <message>
        <source>Segmentation interrompue : les documents déjà traités le restent ; relancez-la pour continuer.</source>
        <translation>Segmentation stopped: the documents already processed stay processed; start it again to go on.</translation>
    </message>
    <message>
        <source>Suggestions annulées : la file de revue est inchangée.</source>
        <translation>Suggestions cancelled: the review queue is unchanged.</translation>
    </message>
    <message>
        <source>Thèmes annulés : aucun thème n&apos;a été enregistré.</source>
        <translation>Topics cancelled: no topic was saved.</translation>
    </message>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>La langue changera au prochain démarrage : une tâche est en cours.</source>
        <translation>The language will change at the next start: a task is running.</translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <source>Tous les mémos</source>
        <translation>All memos</translation>
    </message>
    <message>
        <source>Ce document et ses codages</source>
        <translation>This document and its codings</translation>
    </message>
    <message>
        <source>Le projet</source>
        <translation>The project</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Codages</source>
        <translation>Codings</translation>
    </message>
    <message>
        <source>Chercher dans les mémos…</source>
        <translation>Search the memos…</translation>
    </message>
    <message>
        <source>Écrivez le mémo ici…</source>
        <translation>Write the memo here…</translation>
    </message>
    <message>
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>À propos de :</source>
        <translation>About:</translation>
    </message>
    <message numerus="yes">
        <source>%n mémo(s)</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message>
        <source>Projet</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Document « {title} »</source>
        <translation>Document “{title}”</translation>
    </message>
    <message>
        <source>Code « {name} »</source>
        <translation>Code “{name}”</translation>
    </message>
    <message>
        <source>Codage {code} : « {passage} »</source>
        <translation>Coding {code}: “{passage}”</translation>
    </message>
    <message>
        <source>ce codage</source>
        <translation>this coding</translation>
    </message>
    <message>
        <source>ce document</source>
        <translation>this document</translation>
    </message>
    <message>
        <source>ce code</source>
        <translation>this code</translation>
    </message>
    <message>
        <source>le projet</source>
        <translation>the project</translation>
    </message>
    <message>
        <source>Mémo non enregistré</source>
        <translation>Memo not saved</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Fusionner un code</source>
        <translation>Merge a code</translation>
    </message>
    <message>
        <source>Les {count} codages de « {source} » et de ses sous-codes passeront au code choisi, puis « {source} » sera supprimé. Édition &gt; Annuler défait la fusion.</source>
        <translation>The {count} codings of “{source}” and its sub-codes will move to the chosen code, then “{source}” will be deleted. Edit &gt; Undo takes the merge back.</translation>
    </message>
    <message>
        <source>Filtrer les codes…</source>
        <translation>Filter the codes…</translation>
    </message>
    <message>
        <source>Fusionner</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Fusionner des projets</source>
        <translation>Merge projects</translation>
    </message>
    <message>
        <source>Choisissez les copies de ce projet codées par vos collègues. Leurs codages, mémos, codeurs et décisions de revue rejoignent le projet ouvert ; un conflit (code renommé autrement, texte différent, rôle différent) est signalé et ce qu&apos;il touche est laissé de côté. Chaque copie fusionnée s&apos;annule par Édition &gt; Annuler.</source>
        <translation>Choose copies of this project coded by your colleagues. Their codings, memos, coders and review decisions join the open project; a conflict (a code renamed differently, a different text, a different role) is reported and what it touches is left out. Each merged copy is undone with Edit &gt; Undo.</translation>
    </message>
    <message>
        <source>&amp;Ajouter des projets…</source>
        <translation>&amp;Add projects…</translation>
    </message>
    <message>
        <source>&amp;Retirer</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Le compte rendu de la fusion s&apos;affichera ici.</source>
        <translation>The merge report will show here.</translation>
    </message>
    <message>
        <source>&amp;Fusionner</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Projets à fusionner</source>
        <translation>Projects to merge</translation>
    </message>
    <message>
        <source>Projets Verbatim Workbench (*.vwb)</source>
        <translation>Verbatim Workbench projects (*.vwb)</translation>
    </message>
    <message>
        <source>Une tâche est déjà en cours : attendez sa fin.</source>
        <translation>A task is already running: wait until it ends.</translation>
    </message>
    <message>
        <source>Fusion en cours…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>La fusion a échoué ; le projet est resté tel qu&apos;avant.</source>
        <translation>The merge failed; the project is as it was.</translation>
    </message>
    <message>
        <source>Fusion</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Fusion annulée : le projet est resté tel qu&apos;avant.</source>
        <translation>Merge cancelled: the project is as it was.</translation>
    </message>
</context>
<context>
    <name>NewCodeDialog</name>
    <message>
        <source>Nouveau code</source>
        <translation>New code</translation>
    </message>
    <message>
        <source>Ce que le code couvre (facultatif)</source>
        <translation>What the code covers (optional)</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Définition :</source>
        <translation>Definition:</translation>
    </message>
    <message>
        <source>Ce nom désigne le code « {code} » du schéma livré « {scheme} ». Tant que ce code n&apos;a ni définition, ni indicateurs, ni exemples, les suggestions liront les siens : « {definition} »</source>
        <translation>This name is the code “{code}” of the shipped scheme “{scheme}”. As long as this code has no definition, indicators or examples of its own, suggestions will read that one’s: “{definition}”</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>Nouveau projet</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>par exemple : enquete-satisfaction-2026</source>
        <translation>for example: satisfaction-survey-2026</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>français</source>
        <translation>French</translation>
    </message>
    <message>
        <source>anglais</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Langue des verbatims : elle choisit le modèle d&apos;analyse et les mots vides.</source>
        <translation>Language of the verbatims: it chooses the analysis model and the stop words.</translation>
    </message>
    <message>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Dossier :</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Langue :</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Un nom de fichier ne peut contenir ni / \ : * ? &quot; &lt; &gt; | ni commencer par un point.</source>
        <translation>A file name cannot contain / \ : * ? &quot; &lt; &gt; | nor start with a dot.</translation>
    </message>
    <message>
        <source>Fichier : {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Dossier du projet</source>
        <translation>Project folder</translation>
    </message>
    <message>
        <source>Impossible de créer {path} : {reason}</source>
        <translation>Cannot create {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ProgressWords</name>
    <message>
        <source>segmentation en cours</source>
        <translation>segmenting</translation>
    </message>
    <message>
        <source>découpage en phrases</source>
        <translation>splitting sentences</translation>
    </message>
    <message>
        <source>{sentences}, {tokens}</source>
        <translation>{sentences}, {tokens}</translation>
    </message>
    <message numerus="yes">
        <source>%n phrases</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mots enregistrés</source>
        <translation>
            <numerusform>%n word stored</numerusform>
            <numerusform>%n words stored</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} : lecture des lignes</source>
        <translation>{file}: reading rows</translation>
    </message>
    <message>
        <source>{file} : enregistrement des lignes</source>
        <translation>{file}: storing rows</translation>
    </message>
    <message>
        <source>terminé</source>
        <translation>done</translation>
    </message>
    <message>
        <source>{model} : {cached}</source>
        <translation>{model}: {cached}</translation>
    </message>
    <message numerus="yes">
        <source>%n phrases déjà calculées</source>
        <translation>
            <numerusform>%n sentence already computed</numerusform>
            <numerusform>%n sentences already computed</numerusform>
        </translation>
    </message>
    <message>
        <source>vecteurs des phrases : {model}</source>
        <translation>sentence vectors: {model}</translation>
    </message>
    <message numerus="yes">
        <source>%n unités déjà calculées</source>
        <translation>
            <numerusform>%n unit already computed</numerusform>
            <numerusform>%n units already computed</numerusform>
        </translation>
    </message>
    <message>
        <source>calcul des scores : {group}</source>
        <translation>scoring: {group}</translation>
    </message>
    <message>
        <source>choix des documents à coder ensuite : {group}</source>
        <translation>choosing what to code next: {group}</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message>
        <source>calcul des thèmes</source>
        <translation>fitting topics</translation>
    </message>
    <message>
        <source>placement des unités sur la carte des thèmes</source>
        <translation>placing the units on the topic map</translation>
    </message>
    <message>
        <source>placement des unités sur la carte des thèmes (cluster)</source>
        <translation>placing the units on the topic map (cluster)</translation>
    </message>
    <message numerus="yes">
        <source>%n thèmes</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message>
        <source>pseudonymisation des documents</source>
        <translation>pseudonymising documents</translation>
    </message>
    <message>
        <source>copie de sauvegarde en cours</source>
        <translation>backing up</translation>
    </message>
    <message>
        <source>copie de sauvegarde écrite</source>
        <translation>backup written</translation>
    </message>
    <message>
        <source>lecture du livre de codes</source>
        <translation>reading the codebook</translation>
    </message>
    <message>
        <source>livre de codes lu</source>
        <translation>codebook read</translation>
    </message>
    <message>
        <source>écriture du livre de codes</source>
        <translation>writing the codebook</translation>
    </message>
    <message>
        <source>livre de codes écrit</source>
        <translation>codebook written</translation>
    </message>
    <message>
        <source>fusion de {file}</source>
        <translation>merging {file}</translation>
    </message>
    <message>
        <source>fusion terminée</source>
        <translation>merge finished</translation>
    </message>
    <message>
        <source>{sheet} : {rows}</source>
        <translation>{sheet}: {rows}</translation>
    </message>
    <message numerus="yes">
        <source>%n lignes</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>classeur enregistré</source>
        <translation>workbook saved</translation>
    </message>
    <message>
        <source>import : {folder}</source>
        <translation>import: {folder}</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>segmentation</translation>
    </message>
    <message>
        <source>calcul des vecteurs</source>
        <translation>computing vectors</translation>
    </message>
    <message>
        <source>thèmes</source>
        <translation>topics</translation>
    </message>
    <message>
        <source>suggestions</source>
        <translation>suggestions</translation>
    </message>
    <message>
        <source>classeur Excel</source>
        <translation>Excel workbook</translation>
    </message>
</context>
<context>
    <name>QdpxExportDialog</name>
    <message>
        <source>Export REFI-QDA</source>
        <translation>REFI-QDA export</translation>
    </message>
    <message>
        <source>Exporter au format REFI-QDA (.qdpx)</source>
        <translation>Export in REFI-QDA format (.qdpx)</translation>
    </message>
    <message>
        <source>Le fichier contient les documents entiers, le livre de codes, les codages et les mémos ; il s&apos;ouvre dans les autres logiciels d&apos;analyse qualitative (ATLAS.ti, MAXQDA, NVivo…). Seuls les codes et les codeurs filtrent les codages.</source>
        <translation>The file holds the whole documents, the codebook, the codings and the memos; it opens in other qualitative analysis programs (ATLAS.ti, MAXQDA, NVivo…). Only codes and coders filter the codings.</translation>
    </message>
</context>
<context>
    <name>QuickCodeBox</name>
    <message>
        <source>Nom du code ou touche 1-9…</source>
        <translation>Code name or key 1-9…</translation>
    </message>
</context>
<context>
    <name>RetrievalPanel</name>
    <message>
        <source>Avec les sous-codes</source>
        <translation>With sub-codes</translation>
    </message>
    <message>
        <source>Choisissez un code pour lire ses passages.</source>
        <translation>Choose a code to read its passages.</translation>
    </message>
    <message>
        <source>Aucun passage codé.</source>
        <translation>No coded passage.</translation>
    </message>
    <message>
        <source>{shown} passages affichés sur {total}</source>
        <translation>{shown} of {total} passages shown</translation>
    </message>
    <message>
        <source>1 passage</source>
        <translation>1 passage</translation>
    </message>
    <message>
        <source>{total} passages</source>
        <translation>{total} passages</translation>
    </message>
    <message>
        <source>Afficher {count} de plus</source>
        <translation>Show {count} more</translation>
    </message>
    <message>
        <source>{title} · {coder}</source>
        <translation>{title} · {coder}</translation>
    </message>
    <message>
        <source>Cliquez pour ouvrir le document sur ce passage.</source>
        <translation>Click to open the document at this passage.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>,</source>
        <comment>decimal separator</comment>
        <translation>.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>score ≥ </source>
        <translation>score ≥ </translation>
    </message>
    <message>
        <source>Accepter</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Rejeter</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Autre code…</source>
        <translation>Other code…</translation>
    </message>
    <message>
        <source>Passer</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Touche {key} dans la liste</source>
        <translation>Key {key} in the list</translation>
    </message>
    <message>
        <source>seuil </source>
        <translation>threshold </translation>
    </message>
    <message>
        <source>Tout accepter au-dessus du seuil…</source>
        <translation>Accept all above the threshold…</translation>
    </message>
    <message>
        <source>Tous les codes</source>
        <translation>All codes</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Toutes les variables</source>
        <translation>All variables</translation>
    </message>
    <message>
        <source>Toutes les valeurs</source>
        <translation>All values</translation>
    </message>
    <message>
        <source>{value} ({count} documents)</source>
        <translation>{value} ({count} documents)</translation>
    </message>
    <message>
        <source>Une suggestion en attente</source>
        <translation>One pending suggestion</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions en attente</source>
        <translation>
            <numerusform>%n pending suggestion</numerusform>
            <numerusform>%n pending suggestions</numerusform>
        </translation>
    </message>
    <message>
        <source>document n° {id}</source>
        <translation>document no. {id}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; ({score}) · {title}&lt;br&gt;{context}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; ({score}) · {title}&lt;br&gt;{context}</translation>
    </message>
    <message>
        <source>Suggéré d&apos;après des passages déjà codés avec ce code ({n}).</source>
        <translation>Suggested from passages already coded with this code ({n}).</translation>
    </message>
    <message>
        <source>Le modèle a aussi appris des passages non codés dont il était le plus sûr.</source>
        <translation>The model also learnt from the uncoded passages it was surest of.</translation>
    </message>
    <message>
        <source>Suggéré parce que le passage appartient au thème « {label} », associé à ce code.</source>
        <translation>Suggested because the passage belongs to the topic “{label}”, mapped to this code.</translation>
    </message>
    <message>
        <source>Mots du thème : {words}</source>
        <translation>Topic words: {words}</translation>
    </message>
    <message>
        <source>Suggéré d&apos;après la définition de « {code} » du schéma livré « {scheme} » : ce code n&apos;a pas encore de définition.</source>
        <translation>Suggested from the definition of “{code}” in the shipped scheme “{scheme}”: this code has no definition yet.</translation>
    </message>
    <message>
        <source>Suggéré d&apos;après la définition du code et ses indicateurs.</source>
        <translation>Suggested from the code&apos;s definition and indicators.</translation>
    </message>
    <message>
        <source>Modèles : {models}</source>
        <translation>Models: {models}</translation>
    </message>
    <message>
        <source>Phrase la plus proche du code : « {text} »</source>
        <translation>Sentence closest to the code: “{text}”</translation>
    </message>
    <message>
        <source>Mots qui ont pesé : {words}</source>
        <translation>Most telling words: {words}</translation>
    </message>
    <message>
        <source>Exemple proche : « {text} »</source>
        <translation>Similar example: “{text}”</translation>
    </message>
    <message>
        <source>Recoder « {text} » avec :</source>
        <translation>Recode “{text}” with:</translation>
    </message>
    <message>
        <source>Aucune suggestion en attente ne passe le seuil {threshold}.</source>
        <translation>No pending suggestion reaches the threshold {threshold}.</translation>
    </message>
    <message>
        <source>Accepter en bloc</source>
        <translation>Accept in bulk</translation>
    </message>
    <message>
        <source>Accepter une suggestion ≥ {threshold} ?</source>
        <translation>Accept one suggestion ≥ {threshold}?</translation>
    </message>
    <message numerus="yes">
        <source>Accepter %n suggestions ≥ {threshold} ?</source>
        <translation>
            <numerusform>Accept %n suggestion ≥ {threshold}?</numerusform>
            <numerusform>Accept %n suggestions ≥ {threshold}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Chacune devient un codage de {coder}. Une seule annulation les reprend toutes.</source>
        <translation>Each becomes a coding by {coder}. One undo takes them all back.</translation>
    </message>
    <message>
        <source>Acceptation en cours…</source>
        <translation>Accepting…</translation>
    </message>
    <message>
        <source>Une suggestion acceptée. Ctrl+Z pour la reprendre.</source>
        <translation>One suggestion accepted. Ctrl+Z to take it back.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions acceptées. Ctrl+Z pour toutes les reprendre.</source>
        <translation>
            <numerusform>%n suggestion accepted. Ctrl+Z to take it back.</numerusform>
            <numerusform>%n suggestions accepted. Ctrl+Z to take them all back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>facture AND &quot;trop cher&quot; … ; rembours* NOT satisfait</source>
        <translation>facture AND &quot;trop cher&quot; … ; rembours* NOT satisfait</translation>
    </message>
    <message>
        <source>filtres : nps&lt;=6, canal=chat</source>
        <translation>filters: nps&lt;=6, canal=chat</translation>
    </message>
    <message>
        <source>Chercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Doc.</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <source>Avant</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Après</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Recherche en cours…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>⚠ Recherche impossible : {message}</source>
        <translation>⚠ Search failed: {message}</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences dans {documents}</source>
        <translation>
            <numerusform>%n match in {documents}</numerusform>
            <numerusform>%n matches in {documents}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source> (les {page} premières)</source>
        <translation> (first {page} shown)</translation>
    </message>
    <message numerus="yes">
        <source>%n documents ne sont pas encore indexés et n&apos;ont pas été cherchés : Traitement &gt; Segmenter et indexer.</source>
        <translation>
            <numerusform>%n document is not indexed yet and was not searched: Analysis &gt; Segment and index.</numerusform>
            <numerusform>%n documents are not indexed yet and were not searched: Analysis &gt; Segment and index.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatique (le meilleur modèle installé)</source>
        <translation>Automatic (the best model installed)</translation>
    </message>
    <message>
        <source>Lexical (rapide, sans modèle)</source>
        <translation>Lexical (fast, no model)</translation>
    </message>
    <message>
        <source>multilingual-e5-small (français et anglais)</source>
        <translation>multilingual-e5-small (French and English)</translation>
    </message>
    <message>
        <source>MiniLM (anglais)</source>
        <translation>MiniLM (English)</translation>
    </message>
    <message>
        <source>Automatique (le GPU s&apos;il y en a un)</source>
        <translation>Automatic (the GPU if there is one)</translation>
    </message>
    <message>
        <source>Processeur (CPU)</source>
        <translation>Processor (CPU)</translation>
    </message>
    <message>
        <source>Carte graphique (CUDA)</source>
        <translation>Graphics card (CUDA)</translation>
    </message>
    <message>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Un dossier de modèle…</source>
        <translation>A model folder…</translation>
    </message>
    <message>
        <source>Remplacer noms, e-mails, téléphones et numéros par des pseudonymes à l&apos;import</source>
        <translation>Replace names, e-mails, phones and numbers by pseudonyms on import</translation>
    </message>
    <message>
        <source> points</source>
        <translation> points</translation>
    </message>
    <message>
        <source>Langue :</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Modèle pour les suggestions et les thèmes :</source>
        <translation>Model for suggestions and topics:</translation>
    </message>
    <message>
        <source>Calcul sur :</source>
        <translation>Compute on:</translation>
    </message>
    <message>
        <source>Thèmes calculés :</source>
        <translation>Topics computed:</translation>
    </message>
    <message>
        <source>Pseudonymisation :</source>
        <translation>Pseudonymisation:</translation>
    </message>
    <message>
        <source>Taille du texte à coder :</source>
        <translation>Size of the text to code:</translation>
    </message>
    <message>
        <source>Dossier du modèle</source>
        <translation>Model folder</translation>
    </message>
    <message>
        <source>Dossier refusé : {reason}</source>
        <translation>Folder refused: {reason}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Suggestions : accepter</source>
        <translation>Suggestions: accept</translation>
    </message>
    <message>
        <source>Suggestions : rejeter</source>
        <translation>Suggestions: reject</translation>
    </message>
    <message>
        <source>Suggestions : changer de code</source>
        <translation>Suggestions: change the code</translation>
    </message>
    <message>
        <source>Suggestions : passer</source>
        <translation>Suggestions: skip</translation>
    </message>
    <message>
        <source>Coder la sélection avec le favori n° 1 à {count}</source>
        <translation>Code the selection with favourite no. 1 to {count}</translation>
    </message>
    <message>
        <source>1 … {count} (AZERTY : {keys})</source>
        <translation>1 … {count} (AZERTY: {keys})</translation>
    </message>
    <message>
        <source>Coder la sélection avec un autre code (recherche)</source>
        <translation>Code the selection with another code (search)</translation>
    </message>
    <message>
        <source>Suggestions : suggestion précédente ou suivante</source>
        <translation>Suggestions: previous or next suggestion</translation>
    </message>
    <message>
        <source>Flèches haut et bas</source>
        <translation>Up and down arrows</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Touches</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message>
        <source>client</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>conseiller, enquêteur</source>
        <translation>adviser, interviewer</translation>
    </message>
    <message>
        <source>autre</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Locuteurs</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Locuteur</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Répliques</source>
        <translation>Turns</translation>
    </message>
    <message>
        <source>Rôle détecté</source>
        <translation>Detected role</translation>
    </message>
    <message>
        <source>Rôle retenu</source>
        <translation>Role used</translation>
    </message>
    <message>
        <source>Les suggestions et les thèmes lisent un appel par les mots du client. Si un locuteur a été mal reconnu, corrigez son rôle : les appels concernés seront relus au prochain traitement.</source>
        <translation>Suggestions and topics read a call through the customer&apos;s words. If a speaker was misread, correct their role: the calls concerned will be read again at the next run.</translation>
    </message>
    <message>
        <source>Aucune transcription à locuteurs dans ce projet : rien à corriger.</source>
        <translation>No transcript with speakers in this project: nothing to correct.</translation>
    </message>
    <message>
        <source>Rôles non enregistrés</source>
        <translation>Roles not saved</translation>
    </message>
</context>
<context>
    <name>SuggestionMarks</name>
    <message>
        <source>Suggestion : {code} ({score})</source>
        <translation>Suggestion: {code} ({score})</translation>
    </message>
    <message>
        <source>Accepter « {code} »</source>
        <translation>Accept “{code}”</translation>
    </message>
    <message>
        <source>Rejeter « {code} »</source>
        <translation>Reject “{code}”</translation>
    </message>
    <message>
        <source>Menu de codage…</source>
        <translation>Coding menu…</translation>
    </message>
</context>
<context>
    <name>TableChoicesPanel</name>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Types devinés sur les premières lignes ; l&apos;import vérifie chaque valeur du type choisi et refuse le fichier en nommant la ligne qui n&apos;en est pas.</source>
        <translation>Types guessed from the first rows; the import checks every value against the chosen type and refuses the file, naming the line that does not fit.</translation>
    </message>
    <message>
        <source>Colonne du texte :</source>
        <translation>Text column:</translation>
    </message>
    <message>
        <source>Colonne du titre :</source>
        <translation>Title column:</translation>
    </message>
    <message>
        <source>Variables :</source>
        <translation>Variables:</translation>
    </message>
    <message>
        <source>Classeur Excel : première feuille, {n} premières lignes.</source>
        <translation>Excel workbook: first sheet, first {n} rows.</translation>
    </message>
    <message>
        <source>Encodage : {encoding} · séparateur : {delimiter} · {n} premières lignes.</source>
        <translation>Encoding: {encoding} · delimiter: {delimiter} · first {n} rows.</translation>
    </message>
    <message>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>point-virgule (;)</source>
        <translation>semicolon (;)</translation>
    </message>
    <message>
        <source>virgule (,)</source>
        <translation>comma (,)</translation>
    </message>
    <message>
        <source>tabulation</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>barre verticale (|)</source>
        <translation>vertical bar (|)</translation>
    </message>
    <message>
        <source>texte des documents</source>
        <translation>document text</translation>
    </message>
    <message>
        <source>titre des documents</source>
        <translation>document title</translation>
    </message>
    <message>
        <source> (deviné)</source>
        <translation> (guessed)</translation>
    </message>
</context>
<context>
    <name>TableExportDialog</name>
    <message>
        <source>Export de table</source>
        <translation>Table export</translation>
    </message>
    <message>
        <source>Exporter une table (CSV ou Parquet)</source>
        <translation>Export a table (CSV or Parquet)</translation>
    </message>
    <message>
        <source> caractères</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>Table :</source>
        <translation>Table:</translation>
    </message>
    <message>
        <source>Format :</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Séparateur (CSV) :</source>
        <translation>Delimiter (CSV):</translation>
    </message>
    <message>
        <source>Contexte autour de chaque segment :</source>
        <translation>Context around each segment:</translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <source>texte</source>
        <translation>text</translation>
    </message>
    <message>
        <source>entier</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>décimal</source>
        <translation>decimal</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>oui/non</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>ignorer</source>
        <translation>ignore</translation>
    </message>
</context>
<context>
    <name>TopicPanel</name>
    <message>
        <source>Aucun thème pour l&apos;instant : Traitement &gt; Trouver des thèmes.</source>
        <translation>No topics yet: Analysis &gt; Find topics.</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Unités</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Mots-clés</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>Nouveau nom du thème</source>
        <translation>New name of the topic</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Fusionner dans</source>
        <translation>Merge into</translation>
    </message>
    <message>
        <source>Met les unités de ce thème dans le thème choisi, qui garde son nom</source>
        <translation>Puts the units of this topic into the chosen topic, which keeps its name</translation>
    </message>
    <message>
        <source>Dessiner la carte</source>
        <translation>Draw the map</translation>
    </message>
    <message>
        <source>Dessiner</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Proposer ce code pour le thème</source>
        <translation>Propose this code for the topic</translation>
    </message>
    <message>
        <source>Unités du thème (les plus typiques d&apos;abord)</source>
        <translation>Units of the topic (most typical first)</translation>
    </message>
    <message>
        <source>Verbatims</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <source>Carte</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Tailles</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>Dans le temps</source>
        <translation>Over time</translation>
    </message>
    <message>
        <source>Selon « {variable} »</source>
        <translation>By “{variable}”</translation>
    </message>
    <message numerus="yes">
        <source>%n thème(s) sur {units} (analyse n° {run}).</source>
        <translation>
            <numerusform>%n topic over {units} (run {run}).</numerusform>
            <numerusform>%n topics over {units} (run {run}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unité(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions en cours d&apos;ajout…</source>
        <translation>Adding suggestions…</translation>
    </message>
    <message>
        <source>Carte en cours…</source>
        <translation>Drawing the map…</translation>
    </message>
    <message numerus="yes">
        <source>Chaque point est une unité, placée par ACP de ses vecteurs ; %n unité(s) montrée(s)</source>
        <translation>
            <numerusform>Each dot is a unit, placed by a PCA of its vectors; %n unit shown</numerusform>
            <numerusform>Each dot is a unit, placed by a PCA of its vectors; %n units shown</numerusform>
        </translation>
    </message>
    <message>
        <source> sur {total}.</source>
        <translation> of {total}.</translation>
    </message>
    <message>
        <source>Tracé en cours…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <source>Non classées</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>Thème {number}</source>
        <translation>Topic {number}</translation>
    </message>
    <message>
        <source>Donnez un nom au thème.</source>
        <translation>Give the topic a name.</translation>
    </message>
    <message>
        <source>Thème renommé « {label} ». Ctrl+Z pour revenir.</source>
        <translation>Topic renamed “{label}”. Ctrl+Z to go back.</translation>
    </message>
    <message>
        <source>Choisissez un autre thème que celui-ci.</source>
        <translation>Choose a topic other than this one.</translation>
    </message>
    <message>
        <source>« {source} » fusionné dans « {target} ». Ctrl+Z pour revenir.</source>
        <translation>“{source}” merged into “{target}”. Ctrl+Z to go back.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) de « {code} » ajoutée(s) à la file de revue.</source>
        <translation>
            <numerusform>%n suggestion of “{code}” added to the review queue.</numerusform>
            <numerusform>%n suggestions of “{code}” added to the review queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TraineeMode</name>
    <message>
        <source>&amp;Rendre ma copie…</source>
        <translation>&amp;Hand in my work…</translation>
    </message>
    <message>
        <source>Exercice</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>Votre nom (il signera votre copie) :</source>
        <translation>Your name (it will sign your work):</translation>
    </message>
    <message>
        <source>Rendre ma copie</source>
        <translation>Hand in my work</translation>
    </message>
    <message>
        <source>Projets Verbatim Workbench (*.vwb)</source>
        <translation>Verbatim Workbench projects (*.vwb)</translation>
    </message>
    <message>
        <source>Copie</source>
        <translation>Hand-in</translation>
    </message>
    <message>
        <source>Copie annulée : aucun fichier n&apos;a été écrit.</source>
        <translation>Hand-in cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Copie rendue : {path}. Envoyez ce fichier à votre formateur.</source>
        <translation>Handed in: {path}. Send this file to your trainer.</translation>
    </message>
</context>
<context>
    <name>TrainerPanel</name>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Évaluer</source>
        <translation>Evaluate</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Précision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Rappel</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Par code</source>
        <translation>By code</translation>
    </message>
    <message>
        <source>Oublis</source>
        <translation>Misses</translation>
    </message>
    <message>
        <source>Fausses alertes</source>
        <translation>False alarms</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Stagiaire</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Exercices</source>
        <translation>Exercises</translation>
    </message>
    <message>
        <source>Deux codeurs</source>
        <translation>Two coders</translation>
    </message>
    <message>
        <source>Passages : F1 {span_f1} (précision {precision}, rappel {recall}) · documents : F1 {document_f1} · {misses}, {false_alarms}</source>
        <translation>Passages: F1 {span_f1} (precision {precision}, recall {recall}) · documents: F1 {document_f1} · {misses}, {false_alarms}</translation>
    </message>
    <message numerus="yes">
        <source>%n oublis</source>
        <translation>
            <numerusform>%n miss</numerusform>
            <numerusform>%n misses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fausses alertes</source>
        <translation>
            <numerusform>%n false alarm</numerusform>
            <numerusform>%n false alarms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoCounts</name>
    <message numerus="yes">
        <source>Accepté %n suggestions</source>
        <translation>
            <numerusform>Accepted %n suggestion</numerusform>
            <numerusform>Accepted %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejeté %n suggestions</source>
        <translation>
            <numerusform>Rejected %n suggestion</numerusform>
            <numerusform>Rejected %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoLabels</name>
    <message>
        <source>Codé le document entier comme {code}</source>
        <translation>Coded the whole document as {code}</translation>
    </message>
    <message>
        <source>Codé « {text} » comme {code}</source>
        <translation>Coded “{text}” as {code}</translation>
    </message>
    <message>
        <source>Codé un passage comme {code}</source>
        <translation>Coded a passage as {code}</translation>
    </message>
    <message>
        <source>Retiré {code} de « {text} »</source>
        <translation>Removed {code} from “{text}”</translation>
    </message>
    <message>
        <source>Retiré un codage {code}</source>
        <translation>Removed a {code} coding</translation>
    </message>
    <message>
        <source>Ajusté {code} à « {text} »</source>
        <translation>Fitted {code} to “{text}”</translation>
    </message>
    <message>
        <source>Ajusté les limites d&apos;un codage</source>
        <translation>Changed a coding&apos;s limits</translation>
    </message>
    <message>
        <source>Recodé « {text} » de {before} en {code}</source>
        <translation>Recoded “{text}” from {before} to {code}</translation>
    </message>
    <message>
        <source>Changé le code d&apos;un codage</source>
        <translation>Changed a coding&apos;s code</translation>
    </message>
    <message>
        <source>Écrit un mémo</source>
        <translation>Wrote a memo</translation>
    </message>
    <message>
        <source>Modifié un mémo</source>
        <translation>Edited a memo</translation>
    </message>
    <message>
        <source>Supprimé un mémo</source>
        <translation>Deleted a memo</translation>
    </message>
    <message>
        <source>Recodé une suggestion</source>
        <translation>Relabelled a suggestion</translation>
    </message>
    <message>
        <source>Associé un thème à un code</source>
        <translation>Mapped a topic to a code</translation>
    </message>
    <message>
        <source>Créé le code {code}</source>
        <translation>Created the code {code}</translation>
    </message>
    <message>
        <source>Modifié le code {code}</source>
        <translation>Changed the code {code}</translation>
    </message>
    <message>
        <source>Déplacé le code {code}</source>
        <translation>Moved the code {code}</translation>
    </message>
    <message>
        <source>Fusionné {source} dans {target}</source>
        <translation>Merged {source} into {target}</translation>
    </message>
    <message>
        <source>Supprimé le code {code}</source>
        <translation>Deleted the code {code}</translation>
    </message>
    <message>
        <source>Chargé un livre de codes</source>
        <translation>Loaded a codebook</translation>
    </message>
    <message>
        <source>Ajouté le codeur {name}</source>
        <translation>Added the coder {name}</translation>
    </message>
    <message>
        <source>Changé le rôle de {name}</source>
        <translation>Changed the role of {name}</translation>
    </message>
    <message>
        <source>Corrigé le rôle de {labels}</source>
        <translation>Corrected the role of {labels}</translation>
    </message>
    <message>
        <source>Codage de démonstration</source>
        <translation>Demo coding</translation>
    </message>
    <message>
        <source>Dernière action</source>
        <translation>Last action</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Verbatim Workbench</source>
        <translation>Verbatim Workbench</translation>
    </message>
    <message>
        <source>Codage de verbatims clients, sur votre poste, sans connexion.</source>
        <translation>Coding customer verbatims, on your own computer, offline.</translation>
    </message>
    <message>
        <source>Nouveau projet…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Ouvrir un projet…</source>
        <translation>Open a project…</translation>
    </message>
    <message>
        <source>Ouvrir le projet de démonstration</source>
        <translation>Open the demo project</translation>
    </message>
    <message>
        <source>Un corpus d&apos;appels, d&apos;e-mails, d&apos;entretiens et d&apos;une enquête, construit la première fois dans votre dossier de données.</source>
        <translation>A corpus of calls, e-mails, interviews and a survey, built the first time in your data folder.</translation>
    </message>
    <message>
        <source>Retirer de la liste</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Projets récents</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>{name} — {folder}</source>
        <translation>{name} — {folder}</translation>
    </message>
    <message>
        <source>{name} — introuvable ({path})</source>
        <translation>{name} — not found ({path})</translation>
    </message>
    <message>
        <source>Aucun projet récent.</source>
        <translation>No recent project.</translation>
    </message>
    <message>
        <source>{path} n&apos;existe plus : il a été déplacé ou supprimé. Retirez-le de la liste.</source>
        <translation>{path} no longer exists: it was moved or deleted. Remove it from the list.</translation>
    </message>
    <message>
        <source>Construction du projet de démonstration…</source>
        <translation>Building the demo project…</translation>
    </message>
    <message>
        <source>Démonstration : {step}</source>
        <translation>Demo: {step}</translation>
    </message>
    <message>
        <source>Le projet de démonstration n&apos;a pas pu être construit : {reason}</source>
        <translation>The demo project could not be built: {reason}</translation>
    </message>
    <message>
        <source>Construction annulée : rien n&apos;a été gardé.</source>
        <translation>Build cancelled: nothing was kept.</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <source>&amp;Nouveau projet…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>Projets &amp;récents</source>
        <translation>&amp;Recent projects</translation>
    </message>
    <message>
        <source>&amp;Fusionner des projets…</source>
        <translation>&amp;Merge projects…</translation>
    </message>
    <message>
        <source>&amp;Codeur…</source>
        <translation>&amp;Coder…</translation>
    </message>
    <message>
        <source>&amp;Paramètres…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Ce projet est déjà ouvert.</source>
        <translation>This project is already open.</translation>
    </message>
    <message>
        <source>Impossible d&apos;ouvrir le projet</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>{path} (introuvable)</source>
        <translation>{path} (not found)</translation>
    </message>
    <message>
        <source>Aucun projet récent</source>
        <translation>No recent project</translation>
    </message>
    <message>
        <source>Codeur : {coder}</source>
        <translation>Coder: {coder}</translation>
    </message>
    <message>
        <source>Changer de codeur ou de rôle</source>
        <translation>Change coder or role</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <source>Temps écoulé : vos {limit} minutes pour cet exercice ont pris fin à {time}. Vos codages ne peuvent plus changer ; rendez votre copie.</source>
        <translation>Time is up: your {limit} minutes for this exercise ended at {time}. Your codings can no longer change; hand in your copy.</translation>
    </message>
    <message>
        <source>{coder} a déjà codé ce passage avec « {code} ».</source>
        <translation>{coder} has already coded this passage with “{code}”.</translation>
    </message>
    <message>
        <source>« {code} » regroupe d&apos;autres codes et ne s&apos;applique pas lui-même : choisissez l&apos;un de ses sous-codes.</source>
        <translation>“{code}” groups other codes and is not applied itself: choose one of its sub-codes.</translation>
    </message>
    <message>
        <source>Un code « {name} » existe déjà au premier niveau : choisissez un autre nom.</source>
        <translation>A code “{name}” already exists at the top level: choose another name.</translation>
    </message>
    <message>
        <source>Un code « {name} » existe déjà sous « {parent} » : choisissez un autre nom.</source>
        <translation>A code “{name}” already exists under “{parent}”: choose another name.</translation>
    </message>
    <message>
        <source>{name} est un exercice : son livre de codes est celui du formateur et ne peut pas changer ici (une copie rendue avec un autre livre de codes ne pourrait pas être collectée).</source>
        <translation>{name} is an exercise: its codebook is the trainer&apos;s and cannot change here (a copy handed in with another codebook could not be collected).</translation>
    </message>
    <message>
        <source>Un code a besoin d&apos;un nom.</source>
        <translation>A code needs a name.</translation>
    </message>
    <message>
        <source>Un nom de code ne peut pas contenir « / », qui sépare les niveaux d&apos;un chemin de code.</source>
        <translation>A code name cannot contain “/”, which separates the levels of a code path.</translation>
    </message>
    <message>
        <source>{name}, ligne {line} : {reason}</source>
        <translation>{name}, line {line}: {reason}</translation>
    </message>
    <message>
        <source>{name} : {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>fichier introuvable</source>
        <translation>file not found</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un fichier (un dossier ?)</source>
        <translation>not a file (a folder?)</translation>
    </message>
    <message>
        <source>le fichier est vide</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>fichier binaire, pas du texte : son extension est-elle la bonne ?</source>
        <translation>a binary file, not text: is its extension right?</translation>
    </message>
    <message>
        <source>caractères illisibles : le fichier n&apos;est ni en UTF-8 ni en Windows-1252 (Latin-1)</source>
        <translation>unreadable characters: the file is neither UTF-8 nor Windows-1252 (Latin-1)</translation>
    </message>
    <message>
        <source>caractères illisibles dans l&apos;encodage {encoding}</source>
        <translation>unreadable characters in the {encoding} encoding</translation>
    </message>
    <message>
        <source>cette ligne n&apos;est pas en UTF-8 alors que les précédentes le sont : le fichier mélange deux encodages ; enregistrez-le de nouveau en UTF-8 (« CSV UTF-8 » dans Excel)</source>
        <translation>this line is not UTF-8 while the lines before it are: the file mixes two encodings; save it again as UTF-8 (&quot;CSV UTF-8&quot; in Excel)</translation>
    </message>
    <message>
        <source>format {format} inconnu ; formats acceptés : {supported}</source>
        <translation>unknown format {format}; supported: {supported}</translation>
    </message>
    <message>
        <source>pas de ligne d&apos;en-tête</source>
        <translation>no header row</translation>
    </message>
    <message>
        <source>aucune ligne de données sous l&apos;en-tête</source>
        <translation>no data rows below the header</translation>
    </message>
    <message>
        <source>aucune colonne de texte reconnue parmi {columns} : choisissez-la dans l&apos;aperçu</source>
        <translation>no text column found among {columns}: choose it in the preview</translation>
    </message>
    <message>
        <source>pas de colonne « {column} » ; les colonnes sont : {columns}</source>
        <translation>no column &quot;{column}&quot;; the columns are: {columns}</translation>
    </message>
    <message>
        <source>{fields} champs là où l&apos;en-tête en a {columns} (un séparateur de trop ou un guillemet manquant ?)</source>
        <translation>{fields} fields where the header has {columns} (a separator too many or a missing quote?)</translation>
    </message>
    <message>
        <source>des valeurs dépassent les {columns} colonnes de l&apos;en-tête</source>
        <translation>values beyond the {columns} header columns</translation>
    </message>
    <message>
        <source>le fichier ne se lit pas comme un tableau CSV</source>
        <translation>the file cannot be read as a CSV table</translation>
    </message>
    <message>
        <source>la première feuille du classeur est vide</source>
        <translation>the workbook&apos;s first sheet is empty</translation>
    </message>
    <message>
        <source>rien à importer : tous les documents sont vides</source>
        <translation>nothing to import: every document is empty</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un classeur Excel (.xlsx)</source>
        <translation>not an Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un document Word (.docx)</source>
        <translation>not a Word document (.docx)</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un message Outlook (.msg)</source>
        <translation>not an Outlook message (.msg)</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un e-mail : ni expéditeur, ni destinataire, ni objet, ni date</source>
        <translation>not an e-mail: no sender, recipient, subject or date</translation>
    </message>
    <message>
        <source>ce n&apos;est pas une boîte mbox : sa première ligne doit commencer par « From »</source>
        <translation>not an mbox file: its first line must start with &quot;From&quot;</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un fichier WebVTT : sa première ligne doit être WEBVTT</source>
        <translation>not a WebVTT file: its first line must be WEBVTT</translation>
    </message>
    <message>
        <source>le fichier n&apos;est pas en UTF-8</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <source>le fichier YAML est mal formé</source>
        <translation>the YAML file is malformed</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un schéma de codage : il faut au moins « key », « name » et « codes »</source>
        <translation>not a coding scheme: it needs at least “key”, “name” and “codes”</translation>
    </message>
    <message>
        <source>{where} : champ inconnu {fields} ; champs admis : {allowed}</source>
        <translation>{where}: unknown field {fields}; allowed: {allowed}</translation>
    </message>
    <message>
        <source>le fichier XML est mal formé</source>
        <translation>the XML file is malformed</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un livre de codes REFI-QDA (.qdc)</source>
        <translation>not a REFI-QDA codebook (.qdc)</translation>
    </message>
    <message>
        <source>le livre de codes ne contient aucun code</source>
        <translation>the codebook holds no code</translation>
    </message>
    <message>
        <source>le fichier est protégé par un mot de passe : enregistrez-le de nouveau sans</source>
        <translation>the file is password-protected: save it again without one</translation>
    </message>
    <message>
        <source>le fichier fait {size} Mo, au-delà de la limite de {limit} Mo pour ce format</source>
        <translation>the file is {size} MB, over the {limit} MB limit for this format</translation>
    </message>
    <message>
        <source>la colonne « {column} » est choisie comme {type}, mais la ligne {row} sous l&apos;en-tête contient « {value} », qui n&apos;en est pas</source>
        <translation>column “{column}” is chosen as {type}, but row {row} below the header holds “{value}”, which is not</translation>
    </message>
    <message>
        <source>la colonne « {column} » est celle du texte : choisissez-en une autre pour les titres</source>
        <translation>column “{column}” is the text column: choose another one for the titles</translation>
    </message>
    <message>
        <source>la colonne « {column} » est celle du texte : elle ne peut pas être choisie comme {type}</source>
        <translation>column “{column}” is the text column: it cannot be chosen as {type}</translation>
    </message>
    <message>
        <source>la colonne « {column} » est celle des titres : elle ne peut pas être choisie comme {type}</source>
        <translation>column “{column}” is the title column: it cannot be chosen as {type}</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un tableau : seuls les fichiers {formats} ont un aperçu</source>
        <translation>not a table: only {formats} files have a preview</translation>
    </message>
    <message>
        <source>refusé : le fichier déclare des entités XML (DOCTYPE/ENTITY), un procédé d&apos;attaque</source>
        <translation>refused: the file declares XML entities (DOCTYPE/ENTITY), a means of attack</translation>
    </message>
    <message>
        <source>le fichier utilise une compression que ce programme ne sait pas lire</source>
        <translation>the file uses a compression this program cannot read</translation>
    </message>
    <message>
        <source>le fichier est endommagé</source>
        <translation>the file is damaged</translation>
    </message>
    <message>
        <source>aucun sous-titre trouvé (pas de ligne de minutage « début --&gt; fin »)</source>
        <translation>no cues found (no “start --&gt; end” timing line)</translation>
    </message>
    <message>
        <source>le fichier n&apos;existe pas</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>c&apos;est le projet de référence lui-même, pas une copie rendue</source>
        <translation>it is the reference project itself, not a hand-in</translation>
    </message>
    <message>
        <source>ce n&apos;est pas une copie rendue (le stagiaire l&apos;écrit avec « Rendre ma copie… »)</source>
        <translation>not a hand-in (the trainee writes one with “Hand in my work…”)</translation>
    </message>
    <message>
        <source>son enregistrement de copie rendue est endommagé</source>
        <translation>its hand-in record is damaged</translation>
    </message>
    <message>
        <source>elle appartient à un exercice qui n&apos;a pas été créé depuis {project}</source>
        <translation>it belongs to an exercise that was not created from {project}</translation>
    </message>
    <message>
        <source>le texte du document {document} n&apos;est pas celui qui a été distribué (la copie a été modifiée)</source>
        <translation>the text of document {document} is not the one handed out (the copy was edited)</translation>
    </message>
    <message>
        <source>le document {document} de l&apos;exercice a un autre texte dans {project}, ou n&apos;y est plus</source>
        <translation>document {document} of the exercise has another text in {project}, or is gone from it</translation>
    </message>
    <message>
        <source>son livre de codes n&apos;est pas celui qui a été distribué (des codes ont été renommés, déplacés ou supprimés)</source>
        <translation>its codebook is not the one handed out (codes were renamed, moved or removed)</translation>
    </message>
    <message>
        <source>la signature ne correspond pas aux codages de {trainee} (le fichier a été modifié après avoir été rendu)</source>
        <translation>the signature does not match {trainee}&apos;s codings (the file was changed after it was handed in)</translation>
    </message>
    <message>
        <source>la copie de {trainee} pour cet exercice a déjà été collectée</source>
        <translation>{trainee}&apos;s hand-in for this exercise was already collected</translation>
    </message>
    <message>
        <source>{trainee} est un codeur de rôle {role} dans {project}, pas un stagiaire</source>
        <translation>{trainee} is a coder of role {role} in {project}, not a trainee</translation>
    </message>
    <message>
        <source>{trainee} a déjà des codages sur des documents de cet exercice (d&apos;un autre exercice ?) : retirez-les d&apos;abord</source>
        <translation>{trainee} already has codings on documents of this exercise (from another exercise?): remove them first</translation>
    </message>
    <message>
        <source>un code de l&apos;exercice n&apos;est plus dans {project}</source>
        <translation>a code of the exercise is gone from {project}</translation>
    </message>
    <message>
        <source>{name} est ouvert dans un autre programme ou une autre fenêtre : fermez-le là d&apos;abord (un projet ne s&apos;écrit que d&apos;un endroit à la fois).</source>
        <translation>{name} is open in another program or window: close it there first (a project is written from one place at a time).</translation>
    </message>
    <message>
        <source>{path} n&apos;existe pas.</source>
        <translation>{path} does not exist.</translation>
    </message>
    <message>
        <source>{name} a été enregistré par une version plus récente de Verbatim Workbench : mettez le programme à jour pour l&apos;ouvrir.</source>
        <translation>{name} was saved by a newer version of Verbatim Workbench: update the program to open it.</translation>
    </message>
    <message>
        <source>{name} n&apos;est pas un projet Verbatim Workbench lisible ; le fichier n&apos;a pas été modifié.</source>
        <translation>{name} is not a readable Verbatim Workbench project; the file was not changed.</translation>
    </message>
</context>
</TS>
