<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
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
        <source>Tracer</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Enregistrer…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Enregistrer le graphique</source>
        <translation>Save chart</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Filtrer (texte ou titre)…</source>
        <translation>Filter (text or title)…</translation>
    </message>
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
        <source>codeur : {coder}</source>
        <translation>coder: {coder}</translation>
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
        <source>Impossible d&apos;ouvrir le projet</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>{code} · {coder} · « {excerpt} »</source>
        <translation>{code} · {coder} · “{excerpt}”</translation>
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
        <source>Importer des fichiers</source>
        <translation>Import files</translation>
    </message>
    <message>
        <source>Verbatims (*.csv *.xlsx *.eml *.mbox *.msg *.txt *.docx *.vtt *.srt *.qdpx);;Tous (*)</source>
        <translation>Verbatims (*.csv *.xlsx *.eml *.mbox *.msg *.txt *.docx *.vtt *.srt *.qdpx);;All files (*)</translation>
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
        <source>{label} terminé : {result}</source>
        <translation>{label} finished: {result}</translation>
    </message>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>score ≥ </source>
        <translation>score ≥ </translation>
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
    <message>
        <source>Accepter</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Rejeter</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>quelques exemples codés</source>
        <translation>a few coded examples</translation>
    </message>
    <message>
        <source>définition du code</source>
        <translation>the code&apos;s definition</translation>
    </message>
    <message>
        <source>Suggéré d&apos;après : {method}</source>
        <translation>Suggested from: {method}</translation>
    </message>
    <message>
        <source>Modèles : {models}</source>
        <translation>Models: {models}</translation>
    </message>
    <message>
        <source>Mots qui ont pesé : {words}</source>
        <translation>Most telling words: {words}</translation>
    </message>
    <message>
        <source>Exemple proche : « {text} »</source>
        <translation>Similar example: “{text}”</translation>
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
        <source>Proposer ce code pour le thème</source>
        <translation>Propose this code for the topic</translation>
    </message>
    <message>
        <source>Unités du thème (les plus typiques d&apos;abord)</source>
        <translation>Units of the topic (most typical first)</translation>
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
        <source>Non classées</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>Thème {number}</source>
        <translation>Topic {number}</translation>
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
</TS>
