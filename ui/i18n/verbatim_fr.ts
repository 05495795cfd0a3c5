<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>CollectResultsDialog</name>
    <message numerus="yes">
        <source>%n codages</source>
        <translation>
            <numerusform>%n codage</numerusform>
            <numerusform>%n codages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copies collectées</source>
        <translation>
            <numerusform>%n copie collectée</numerusform>
            <numerusform>%n copies collectées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refusées</source>
        <translation>
            <numerusform>%n refusée</numerusform>
            <numerusform>%n refusées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message numerus="yes">
        <source>%n document(s) sur {total}</source>
        <translation>
            <numerusform>%n document sur {total}</numerusform>
            <numerusform>%n documents sur {total}</numerusform>
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
    <name>FeedbackView</name>
    <message numerus="yes">
        <source>%n exercices</source>
        <translation>
            <numerusform>%n exercice</numerusform>
            <numerusform>%n exercices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stagiaires</source>
        <translation>
            <numerusform>%n stagiaire</numerusform>
            <numerusform>%n stagiaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n oublis</source>
        <translation>
            <numerusform>%n oubli</numerusform>
            <numerusform>%n oublis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fausses alertes</source>
        <translation>
            <numerusform>%n fausse alerte</numerusform>
            <numerusform>%n fausses alertes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fois</source>
        <translation>
            <numerusform>%n fois</numerusform>
            <numerusform>%n fois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
            <numerusform>%n codage</numerusform>
            <numerusform>%n codages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message numerus="yes">
        <source>%n mémo(s)</source>
        <translation>
            <numerusform>%n mémo</numerusform>
            <numerusform>%n mémos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>%n suggestions en attente</source>
        <translation>
            <numerusform>%n suggestion en attente</numerusform>
            <numerusform>%n suggestions en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepter %n suggestions ≥ {threshold} ?</source>
        <translation>
            <numerusform>Accepter %n suggestion ≥ {threshold} ?</numerusform>
            <numerusform>Accepter %n suggestions ≥ {threshold} ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions acceptées. Ctrl+Z pour toutes les reprendre.</source>
        <translation>
            <numerusform>%n suggestion acceptée. Ctrl+Z pour la reprendre.</numerusform>
            <numerusform>%n suggestions acceptées. Ctrl+Z pour toutes les reprendre.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n occurrences dans {documents}</source>
        <translation>
            <numerusform>%n occurrence dans {documents}</numerusform>
            <numerusform>%n occurrences dans {documents}</numerusform>
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
        <source>%n documents ne sont pas encore indexés et n&apos;ont pas été cherchés : Traitement &gt; Segmenter et indexer.</source>
        <translation>
            <numerusform>%n document n&apos;est pas encore indexé et n&apos;a pas été cherché : Traitement &gt; Segmenter et indexer.</numerusform>
            <numerusform>%n documents ne sont pas encore indexés et n&apos;ont pas été cherchés : Traitement &gt; Segmenter et indexer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicPanel</name>
    <message numerus="yes">
        <source>%n thème(s) sur {units} (analyse n° {run}).</source>
        <translation>
            <numerusform>%n thème sur {units} (analyse n° {run}).</numerusform>
            <numerusform>%n thèmes sur {units} (analyse n° {run}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unité(s)</source>
        <translation>
            <numerusform>%n unité</numerusform>
            <numerusform>%n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) de « {code} » ajoutée(s) à la file de revue.</source>
        <translation>
            <numerusform>%n suggestion de « {code} » ajoutée à la file de revue.</numerusform>
            <numerusform>%n suggestions de « {code} » ajoutées à la file de revue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chaque point est une unité, placée par ACP de ses vecteurs ; %n unité(s) montrée(s)</source>
        <translation>
            <numerusform>Chaque point est une unité, placée par ACP de ses vecteurs ; %n unité montrée</numerusform>
            <numerusform>Chaque point est une unité, placée par ACP de ses vecteurs ; %n unités montrées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainerPanel</name>
    <message numerus="yes">
        <source>%n oublis</source>
        <translation>
            <numerusform>%n oubli</numerusform>
            <numerusform>%n oublis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fausses alertes</source>
        <translation>
            <numerusform>%n fausse alerte</numerusform>
            <numerusform>%n fausses alertes</numerusform>
        </translation>
    </message>
</context>
</TS>
