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
        <source>%n mémos</source>
        <translation>
            <numerusform>%n mémo</numerusform>
            <numerusform>%n mémos</numerusform>
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
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%n lignes</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tableaux</source>
        <translation>
            <numerusform>%n tableau</numerusform>
            <numerusform>%n tableaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n graphiques</source>
        <translation>
            <numerusform>%n graphique</numerusform>
            <numerusform>%n graphiques</numerusform>
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
            <numerusform>%n codage</numerusform>
            <numerusform>%n codages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mémos</source>
        <translation>
            <numerusform>%n mémo</numerusform>
            <numerusform>%n mémos</numerusform>
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
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n fichiers des dossiers laissés de côté, qui ne sont pas des documents : {files}. Pour en importer un quand même, ajoutez-le avec « Ajouter des fichiers… ».</source>
        <translation>
            <numerusform>%n fichier des dossiers laissé de côté, qui n&apos;est pas un document : {files}. Pour l&apos;importer quand même, ajoutez-le avec « Ajouter des fichiers… ».</numerusform>
            <numerusform>%n fichiers des dossiers laissés de côté, qui ne sont pas des documents : {files}. Pour en importer un quand même, ajoutez-le avec « Ajouter des fichiers… ».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResultsPage</name>
    <message numerus="yes">
        <source>%n documents importés</source>
        <translation>
            <numerusform>%n document importé</numerusform>
            <numerusform>%n documents importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers déjà importés</source>
        <translation>
            <numerusform>%n fichier déjà importé</numerusform>
            <numerusform>%n fichiers déjà importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers refusés</source>
        <translation>
            <numerusform>%n fichier refusé</numerusform>
            <numerusform>%n fichiers refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n doublons écartés</source>
        <translation>
            <numerusform>%n doublon écarté</numerusform>
            <numerusform>%n doublons écartés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lignes vides écartées</source>
        <translation>
            <numerusform>%n ligne vide écartée</numerusform>
            <numerusform>%n lignes vides écartées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tours de parole</source>
        <translation>
            <numerusform>%n tour de parole</numerusform>
            <numerusform>%n tours de parole</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobMessages</name>
    <message numerus="yes">
        <source>%n documents importés</source>
        <translation>
            <numerusform>%n document importé</numerusform>
            <numerusform>%n documents importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fichiers</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> ; %n fichiers déjà importés, ignorés</source>
        <translation>
            <numerusform> ; %n fichier déjà importé, ignoré</numerusform>
            <numerusform> ; %n fichiers déjà importés, ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> ; %n fichiers n&apos;ont pas pu être importés</source>
        <translation>
            <numerusform> ; %n fichier n&apos;a pas pu être importé</numerusform>
            <numerusform> ; %n fichiers n&apos;ont pas pu être importés</numerusform>
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
            <numerusform> (dont %n déjà dans le projet)</numerusform>
            <numerusform> (dont %n déjà dans le projet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nouveaux codes</source>
        <translation>
            <numerusform>%n nouveau code</numerusform>
            <numerusform>%n nouveaux codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codages</source>
        <translation>
            <numerusform>%n codage</numerusform>
            <numerusform>%n codages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mémos</source>
        <translation>
            <numerusform>%n mémo</numerusform>
            <numerusform>%n mémos</numerusform>
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
            <numerusform>%n nouveau codeur</numerusform>
            <numerusform>%n nouveaux codeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segmentation terminée : rien à segmenter, %n documents étaient déjà segmentés.</source>
        <translation>
            <numerusform>Segmentation terminée : rien à segmenter, %n document était déjà segmenté.</numerusform>
            <numerusform>Segmentation terminée : rien à segmenter, %n documents étaient déjà segmentés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents segmentés en {sentences} et indexés</source>
        <translation>
            <numerusform>%n document segmenté en {sentences} et indexé</numerusform>
            <numerusform>%n documents segmentés en {sentences} et indexés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phrases</source>
        <translation>
            <numerusform>%n phrase</numerusform>
            <numerusform>%n phrases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mots</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents pseudonymisés sur {total}</source>
        <translation>
            <numerusform>%n document pseudonymisé sur {total}</numerusform>
            <numerusform>%n documents pseudonymisés sur {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n noms de personne</source>
        <translation>
            <numerusform>%n nom de personne</numerusform>
            <numerusform>%n noms de personne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adresses e-mail</source>
        <translation>
            <numerusform>%n adresse e-mail</numerusform>
            <numerusform>%n adresses e-mail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numéros de téléphone</source>
        <translation>
            <numerusform>%n numéro de téléphone</numerusform>
            <numerusform>%n numéros de téléphone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n IBAN</source>
        <translation>
            <numerusform>%n IBAN</numerusform>
            <numerusform>%n IBAN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numéros de carte bancaire</source>
        <translation>
            <numerusform>%n numéro de carte bancaire</numerusform>
            <numerusform>%n numéros de carte bancaire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adresses postales</source>
        <translation>
            <numerusform>%n adresse postale</numerusform>
            <numerusform>%n adresses postales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents supprimés définitivement</source>
        <translation>
            <numerusform>%n document supprimé définitivement</numerusform>
            <numerusform>%n documents supprimés définitivement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions en attente de revue</source>
        <translation>
            <numerusform>%n suggestion en attente de revue</numerusform>
            <numerusform>%n suggestions en attente de revue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unités</source>
        <translation>
            <numerusform>%n unité</numerusform>
            <numerusform>%n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n déjà codées</source>
        <translation>
            <numerusform>%n déjà codée</numerusform>
            <numerusform>%n déjà codées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n déjà revues</source>
        <translation>
            <numerusform>%n déjà revue</numerusform>
            <numerusform>%n déjà revues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thèmes trouvés</source>
        <translation>
            <numerusform>%n thème trouvé</numerusform>
            <numerusform>%n thèmes trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unités vectorisées</source>
        <translation>
            <numerusform>%n unité vectorisée</numerusform>
            <numerusform>%n unités vectorisées</numerusform>
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
        <source>Collecte terminée : %n copies collectées</source>
        <translation>
            <numerusform>Collecte terminée : %n copie collectée</numerusform>
            <numerusform>Collecte terminée : %n copies collectées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n fichiers refusés</source>
        <translation>
            <numerusform>, %n fichier refusé</numerusform>
            <numerusform>, %n fichiers refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export Excel terminé : %n feuilles écrites dans {path}.</source>
        <translation>
            <numerusform>Export Excel terminé : %n feuille écrite dans {path}.</numerusform>
            <numerusform>Export Excel terminé : %n feuilles écrites dans {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export HTML terminé : %n pages écrites dans {path}.</source>
        <translation>
            <numerusform>Export HTML terminé : %n page écrite dans {path}.</numerusform>
            <numerusform>Export HTML terminé : %n pages écrites dans {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n codages ajoutés</source>
        <translation>
            <numerusform>%n codage ajouté</numerusform>
            <numerusform>%n codages ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n éléments laissés de côté</source>
        <translation>
            <numerusform>, %n élément laissé de côté</numerusform>
            <numerusform>, %n éléments laissés de côté</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n projets fusionnés</source>
        <translation>
            <numerusform>%n projet fusionné</numerusform>
            <numerusform>%n projets fusionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n éléments</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modifications de mémo</source>
        <translation>
            <numerusform>%n modification de mémo</numerusform>
            <numerusform>%n modifications de mémo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n décisions de revue</source>
        <translation>
            <numerusform>%n décision de revue</numerusform>
            <numerusform>%n décisions de revue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> ; %n éléments étaient déjà dans le projet</source>
        <translation>
            <numerusform> ; %n élément était déjà dans le projet</numerusform>
            <numerusform> ; %n éléments étaient déjà dans le projet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Vérification terminée : %n problèmes trouvés.</source>
        <translation>
            <numerusform>Vérification terminée : %n problème trouvé.</numerusform>
            <numerusform>Vérification terminée : %n problèmes trouvés.</numerusform>
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
        <source>%n entrées d&apos;index</source>
        <translation>
            <numerusform>%n entrée d&apos;index</numerusform>
            <numerusform>%n entrées d&apos;index</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entrées du journal</source>
        <translation>
            <numerusform>%n entrée du journal</numerusform>
            <numerusform>%n entrées du journal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chargement du livre de codes terminé : %n codes chargés depuis {source}.</source>
        <translation>
            <numerusform>Chargement du livre de codes terminé : %n code chargé depuis {source}.</numerusform>
            <numerusform>Chargement du livre de codes terminé : %n codes chargés depuis {source}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export du livre de codes terminé : %n codes écrits dans {path}.</source>
        <translation>
            <numerusform>Export du livre de codes terminé : %n code écrit dans {path}.</numerusform>
            <numerusform>Export du livre de codes terminé : %n codes écrits dans {path}.</numerusform>
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
    <name>ProgressWords</name>
    <message numerus="yes">
        <source>%n phrases</source>
        <translation>
            <numerusform>%n phrase</numerusform>
            <numerusform>%n phrases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mots enregistrés</source>
        <translation>
            <numerusform>%n mot enregistré</numerusform>
            <numerusform>%n mots enregistrés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phrases déjà calculées</source>
        <translation>
            <numerusform>%n phrase déjà calculée</numerusform>
            <numerusform>%n phrases déjà calculées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unités déjà calculées</source>
        <translation>
            <numerusform>%n unité déjà calculée</numerusform>
            <numerusform>%n unités déjà calculées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thèmes</source>
        <translation>
            <numerusform>%n thème</numerusform>
            <numerusform>%n thèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lignes</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
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
<context>
    <name>UndoCounts</name>
    <message numerus="yes">
        <source>Accepté %n suggestions</source>
        <translation>
            <numerusform>Accepté %n suggestion</numerusform>
            <numerusform>Accepté %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejeté %n suggestions</source>
        <translation>
            <numerusform>Rejeté %n suggestion</numerusform>
            <numerusform>Rejeté %n suggestions</numerusform>
        </translation>
    </message>
</context>
</TS>
