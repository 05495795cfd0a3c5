# -*- coding: utf-8 -*-
"""Hand-written French fragments used by make_corpus.py.

Everything here was written for the Verbatim Workbench demo corpus. The brand
(Alvéa: electricity, gas, fibre box and mobile, with shops and home delivery),
its competitors and every person are fictional.

Slots in braces are filled by make_corpus.py: {years}, {since}, {concurrent},
{montant}, {montant_habituel}, {hausse}, {mois}, {commande}, {num_client},
{contrat}, {offre}, {ville}, {delai}, {nieme}, {agent}, {e} (feminine "e"),
{prenom}, {nom}, {tel}, {email}, {adresse}, {iban}, {carte}, {jour}.
"""

BRAND = "Alvéa"
COMPETITORS = ["Nexora", "Fibrelle", "Volta Direct", "Cimea Énergie", "Opaline Télécom", "Kelvia"]
OFFERS = ["Alvéa Fibre Max", "Duo Énergie + Fibre", "Alvéa Vert 100 %", "Forfait Mobile 80 Go",
          "Alvéa Fibre Essentielle", "Option Heures Creuses Plus", "Pack Famille 4 lignes", "Alvéa Gaz Fixe 3 ans"]

# ---------------------------------------------------------------------------
# Relationship forms
#   intro: how the customer situates the relationship (written, first person)
#   outro: what they expect / threaten / hope, coherent with the form
#   short: survey-style one-liners
# ---------------------------------------------------------------------------
FORMS = {
    "committed_partnership": {
        "intro": [
            "Je suis cliente chez vous depuis {since}, électricité puis la fibre, et je n'ai jamais eu envie d'aller voir ailleurs.",
            "Cela fait {years} ans que toute la maison est chez {marque} : le gaz, l'électricité, la box et les deux mobiles.",
            "Je vous fais confiance depuis {years} ans et j'ai toujours recommandé {marque} autour de moi, à mes voisins comme à mes enfants.",
            "Quand on a emménagé en {since}, on a choisi {marque} en connaissance de cause et on ne l'a jamais regretté.",
            "Je suis un client fidèle, je ne compare même plus les offres tous les ans comme le font mes collègues : pour moi c'est {marque} et c'est tout.",
            "Depuis {since} j'ai tout regroupé chez vous, je considère un peu {marque} comme un partenaire de la famille.",
            "On est ensemble depuis {years} ans, vous et moi, et j'ai l'habitude que les choses se passent bien.",
        ],
        "outro": [
            "Je reste chez vous, évidemment, mais j'aimerais que ce point soit réglé rapidement.",
            "Je compte sur vous comme d'habitude, je sais que vous allez trouver une solution.",
            "Je n'ai aucune intention de partir, je voulais simplement que vous soyez au courant.",
            "Continuez comme ça, c'est pour ce genre de suivi que je reste fidèle.",
            "Vous avez ma confiance depuis longtemps, ne la perdez pas pour si peu.",
        ],
        "short": [
            "Client depuis {years} ans et toujours aussi satisfait, je ne changerai pas.",
            "Fidèle depuis {since}, tout est chez vous et ça marche.",
            "Je recommande {marque} à tout le monde depuis des années.",
            "Toute la famille est chez vous, confiance totale.",
            "On est chez vous depuis le début et on y reste.",
        ],
    },
    "best_friendship": {
        "intro": [
            "Avec {marque} j'ai vraiment l'impression de parler à des gens qui me connaissent, pas à un numéro.",
            "Ce que j'aime chez vous c'est qu'on se dit les choses franchement, vous me prévenez avant que je découvre les problèmes.",
            "Votre conseillère {agent} me connaît depuis des années, elle se souvient de mon déménagement et de la naissance de mon fils, c'est rare.",
            "Je parle de {marque} comme d'une copine : on se tutoie presque avec la boutique de {ville}.",
            "Chez vous on me répond comme à une amie, avec de l'humour et sans langue de bois.",
            "Je vous écris comme j'écrirais à quelqu'un de proche, parce que c'est un peu ce que vous êtes devenus pour moi.",
        ],
        "outro": [
            "Merci d'être restés aussi humains, ne changez surtout pas.",
            "Je sais que je peux compter sur vous et j'espère que c'est réciproque.",
            "Dites bonjour à toute l'équipe de la boutique de ma part !",
            "C'est ce lien-là qui fait que je reste, bien plus que les prix.",
            "Je serais vraiment triste qu'un jour vous deveniez une grosse machine comme les autres.",
        ],
        "short": [
            "On me connaît par mon prénom en boutique, c'est ça qui me fait rester.",
            "Relation super humaine, franche, je me sens écoutée.",
            "Comme des amis, ils me préviennent toujours avant.",
            "Toujours un petit mot gentil et de l'honnêteté, merci {agent} !",
        ],
    },
    "fling": {
        "intro": [
            "J'ai vu passer votre nouvelle offre {offre} sur Instagram et je l'ai prise dans la foulée, sans trop réfléchir.",
            "Je change d'opérateur à peu près tous les ans, je vais là où il y a la meilleure promo du moment.",
            "Je suis arrivé chez vous il y a trois mois pour le smartphone offert, honnêtement c'était surtout pour ça.",
            "Ce qui m'a attiré c'est la nouveauté, la box dernier cri et le débit annoncé, j'adore tester les nouveaux trucs.",
            "Je ne suis pas du genre à rester dix ans chez le même fournisseur, je cherche ce qui est nouveau et excitant.",
            "Je me suis abonnée sur un coup de tête pendant le Black Friday, le prix était trop tentant.",
        ],
        "outro": [
            "Si {concurrent} sort mieux le mois prochain, je ne vous cache pas que je partirai.",
            "Je reste tant que l'offre est intéressante, après on verra.",
            "Proposez-moi la prochaine nouveauté en avant-première et je reste, sinon je file chez {concurrent}.",
            "Pour l'instant je m'amuse bien avec vos services, mais rien n'est gravé dans le marbre.",
            "Ça m'a bien plu mais je ne m'engage sur rien, je suis toujours à l'affût de la prochaine promo.",
        ],
        "short": [
            "Venu pour la promo, je partirai pour une meilleure promo.",
            "Nouvelle box trop cool mais si {concurrent} fait mieux je change.",
            "Pris sur un coup de tête pour l'offre du moment, sympa pour l'instant.",
            "J'aime la nouveauté, vous l'avez, pour le moment.",
            "Abonné pour le téléphone offert, on verra dans un an.",
        ],
    },
    "enmity": {
        "intro": [
            "Je n'ai jamais vu une entreprise aussi méprisante envers ses clients.",
            "{marque}, c'est le pire choix de ma vie, et je vais faire en sorte que tout le monde le sache.",
            "Je vous déteste, il n'y a pas d'autre mot, et je pèse mes mots.",
            "Votre société est une honte, vous prenez les gens pour des vaches à lait.",
            "Je ne veux plus entendre parler de {marque}, ni de près ni de loin.",
            "Chaque contact avec vous me donne envie de vomir, franchement.",
        ],
        "outro": [
            "Je vais publier tout cet échange sur les réseaux sociaux et sur les sites d'avis, que tout le monde voie comment vous traitez les gens.",
            "Je saisis le médiateur de l'énergie et une association de consommateurs, et je conseille à tous mes proches de vous fuir.",
            "Je ferai tout pour vous faire de la mauvaise publicité, vous pouvez compter sur moi.",
            "Je résilie dès que possible et je ne remettrai JAMAIS les pieds dans une de vos boutiques.",
            "Vous n'êtes que des voleurs et je le dirai partout.",
        ],
        "short": [
            "ARNAQUEURS. Fuyez cette boîte.",
            "Entreprise méprisante, je vous souhaite de couler.",
            "La pire société que j'ai connue, je le dis à tout le monde.",
            "Honte à vous, je ferai tout pour vous faire de la mauvaise pub.",
            "Voleurs, incompétents, je vous hais.",
        ],
    },
    "adversaries": {
        "intro": [
            "Nous sommes en litige depuis maintenant six mois et je constate que vous ne respectez toujours pas vos obligations.",
            "Ce courrier fait suite à mes trois réclamations restées sans réponse satisfaisante, je vous mets désormais en demeure.",
            "Je conteste formellement votre position et je garde une copie de tous nos échanges.",
            "Vos conditions générales de vente, que j'ai relues attentivement, ne vous autorisent pas à agir ainsi.",
            "Je n'attends plus de geste commercial, j'attends que vous appliquiez la loi.",
        ],
        "outro": [
            "Sans régularisation sous quinze jours, je saisirai le médiateur national de l'énergie puis le tribunal judiciaire.",
            "Je vous mets en demeure de procéder au remboursement sous huit jours, faute de quoi j'engagerai une procédure.",
            "Mon avocat est en copie de ce message.",
            "Je transmets le dossier à l'association de consommateurs dont je suis adhérent.",
            "Je vous rappelle que l'article L224-12 du code de la consommation encadre précisément ce type de situation.",
        ],
        "short": [
            "Litige en cours, médiateur saisi, aucune réponse de votre part.",
            "Mise en demeure envoyée, on se verra devant le médiateur.",
            "Vous ne respectez pas vos propres CGV, dossier transmis à l'UFC.",
            "Bras de fer depuis des mois pour un remboursement dû.",
        ],
    },
    "dependency": {
        "intro": [
            "Je suis âgée, j'ai {age} ans, et sans votre conseillère je ne saurais pas comment faire.",
            "Je dépends complètement de vous pour tout ce qui est internet, sans la box je ne peux plus parler à mes petits-enfants.",
            "Mon mari s'occupait de tout et depuis qu'il est parti c'est vous que j'appelle pour chaque chose.",
            "Sans internet je ne peux pas travailler, je suis infirmière libérale et tout passe par la télétransmission.",
            "J'ai la téléassistance branchée sur votre box, alors quand ça coupe je panique complètement.",
            "Je ne sais pas me servir de l'espace client, c'est toujours {agent} qui m'aide au téléphone.",
        ],
        "outro": [
            "Je vous en supplie, ne me laissez pas sans connexion, je ne saurais pas quoi faire.",
            "Je ne peux pas changer, je ne saurais pas me débrouiller avec un autre.",
            "Pouvez-vous me rappeler vous-même ? J'ai peur de mal faire.",
            "Je compte entièrement sur vous, vraiment.",
            "Si vous n'étiez pas là je ne sais pas ce que je deviendrais avec toutes ces démarches.",
        ],
        "short": [
            "Je suis perdue sans la conseillère, heureusement qu'elle est là.",
            "Sans votre box je ne peux rien faire, j'ai eu très peur.",
            "Je dépends de vous pour tout, merci de ne pas me lâcher.",
            "À mon âge je ne sais pas faire seule, il me faut quelqu'un au téléphone.",
        ],
    },
    "courtship": {
        "intro": [
            "Je teste votre offre d'essai {offre} depuis deux semaines avant de m'engager pour de bon.",
            "Je suis en période d'essai de 30 jours et pour l'instant je vous observe de près.",
            "Je ne suis pas encore cliente, je me renseigne sérieusement avant de quitter {concurrent}.",
            "On se découvre, vous et moi : j'ai pris le mois offert pour voir si vous êtes à la hauteur de la pub.",
            "Je suis nouveau chez vous, je n'ai encore que l'électricité et j'hésite à prendre la fibre aussi.",
            "J'ai été séduit par votre conseiller en boutique et je me laisse tenter, mais prudemment.",
        ],
        "outro": [
            "Si tout se passe bien d'ici la fin de l'essai, je prendrai aussi le forfait mobile.",
            "Convainquez-moi et je signe pour trois ans.",
            "C'est un peu le test décisif pour savoir si je reste.",
            "Pour l'instant c'est plutôt bien parti, on verra à la fin du mois d'essai.",
            "Je vous laisse encore une chance de me séduire.",
        ],
        "short": [
            "En période d'essai, plutôt séduite pour l'instant.",
            "Je teste avant de m'engager, premiers pas encourageants.",
            "Nouveau client, je vous observe, à confirmer.",
            "Mois d'essai : bon début, j'attends de voir la suite.",
        ],
    },
    "enslavement": {
        "intro": [
            "Je suis coincé chez vous : dans mon immeuble il n'y a que votre réseau, je n'ai pas le choix.",
            "Je voudrais partir depuis longtemps mais avec les frais de résiliation et l'engagement de 24 mois je suis pieds et poings liés.",
            "Je suis prisonnière de ce contrat, le matériel n'est remboursé que si je reste jusqu'en {annee_fin}.",
            "Dans mon village, c'est vous ou rien, alors je subis.",
            "On m'a fait signer un engagement de trois ans sur le gaz et maintenant je ne peux plus bouger.",
            "Si je pars je dois rembourser le téléphone au prix fort, donc je reste, mais contre mon gré.",
        ],
        "outro": [
            "Dès que mon engagement se termine, je pars, et vous le savez très bien.",
            "Je n'ai pas d'autre choix que de continuer à payer, c'est ça le pire.",
            "Vous profitez du fait que je ne peux pas partir.",
            "Si un autre opérateur arrive un jour dans l'immeuble, vous ne me reverrez plus.",
            "Je reste parce que je suis obligé, pas parce que je le veux.",
        ],
        "short": [
            "Aucun autre choix dans mon immeuble, alors je subis.",
            "Coincé par l'engagement, je partirai dès que possible.",
            "Pris en otage par les frais de résiliation.",
            "Je reste parce que je n'ai pas le choix, pas par envie.",
        ],
    },
    "marriage_of_convenience": {
        "intro": [
            "Je suis chez {marque} un peu par hasard : le contrat était déjà au nom de l'ancien locataire quand j'ai emménagé et je l'ai gardé.",
            "J'ai pris {marque} parce que la boutique était à côté de mon travail, pas pour une raison particulière, et ça fait {years} ans maintenant.",
            "C'est pratique d'avoir tout au même endroit, c'est la seule raison pour laquelle je suis resté.",
            "Je n'ai jamais vraiment choisi {marque}, c'est venu avec le déménagement, et comme ça marche je n'ai pas changé.",
            "Au moment du divorce j'ai gardé l'appartement et le contrat qui allait avec, voilà tout.",
        ],
        "outro": [
            "Tant que ça reste simple, je ne change rien.",
            "Je reste par commodité, pas par passion.",
            "Ce n'est pas le grand amour mais ça fait le travail.",
            "Je n'ai pas le temps de chercher ailleurs, alors réglez-moi juste ça.",
        ],
        "short": [
            "Contrat repris avec l'appartement, ça marche, je garde.",
            "Resté par facilité, pas le temps de comparer.",
            "Pas vraiment choisi mais pratique.",
            "Par commodité, tout au même endroit.",
        ],
    },
    "rebound": {
        "intro": [
            "J'ai quitté {concurrent} après six mois de galère et de coupures, et je suis venu chez vous pour ne plus jamais revivre ça.",
            "Après mon expérience catastrophique chez {concurrent}, je vous ai choisis surtout pour fuir.",
            "Je suis arrivée chez {marque} le mois dernier, écœurée par {concurrent} qui m'avait facturé n'importe quoi pendant un an.",
            "Je suis parti de chez {concurrent} en claquant la porte, et honnêtement j'aurais signé avec n'importe qui d'autre.",
            "Je viens de chez {concurrent} où je n'arrivais jamais à joindre quelqu'un, alors j'espère que chez vous ce sera différent.",
        ],
        "outro": [
            "Surtout ne devenez pas comme {concurrent}, c'est tout ce que je vous demande.",
            "Pour l'instant c'est le jour et la nuit avec mon ancien fournisseur.",
            "J'espère ne pas avoir quitté un mauvais fournisseur pour un autre.",
            "Je ne veux pas revivre ce que j'ai vécu chez {concurrent}.",
        ],
        "short": [
            "Parti de chez {concurrent} après des mois de galère, ici c'est mieux.",
            "Tout sauf {concurrent} ! Pour l'instant ça va.",
            "Venu pour fuir mon ancien opérateur, soulagé.",
            "Rien à voir avec {concurrent}, enfin un service qui répond.",
        ],
    },
    "casual_friends": {
        "intro": [
            "Je suis chez vous depuis un moment, je n'appelle presque jamais, ça roule en général.",
            "Petite question rapide, rien de grave.",
            "Je ne suis pas un client très exigeant, je vous contacte une fois par an à tout casser.",
            "Bon, je vous écris pour un petit truc, sinon tout va bien de mon côté.",
            "Ça fait quelques années qu'on est chez vous, sans histoires.",
        ],
        "outro": [
            "Merci, et bonne journée à vous.",
            "Rien d'urgent, quand vous aurez le temps.",
            "Sinon, rien à signaler, ça fonctionne.",
            "Pas de souci si ça prend quelques jours.",
        ],
        "short": [
            "Ras, ça marche, j'appelle rarement.",
            "Client tranquille, pas grand-chose à dire.",
            "Correct, sans plus, pas de problème particulier.",
            "Ça fonctionne, je ne pense pas trop à vous et c'est bien.",
        ],
    },
    "basic_exchange": {
        "intro": [
            "Je vous paie pour un service, je veux simplement que le service soit rendu au prix annoncé.",
            "Je n'attends pas d'amitié de mon fournisseur, juste un bon produit à un prix correct.",
            "J'ai comparé les tarifs avant de signer : vous étiez les moins chers à prestation égale.",
            "Le rapport qualité-prix est correct, c'est pour ça que je suis chez vous.",
            "Je suis un client pragmatique : si le prix est juste et que ça marche, je reste.",
        ],
        "outro": [
            "Corrigez l'erreur et on n'en parle plus.",
            "Tant que le prix reste dans la moyenne du marché, je n'ai pas de raison de changer.",
            "Je veux juste ce qui est prévu au contrat, ni plus ni moins.",
            "Si c'est réglé proprement, je ne vois aucune raison de partir.",
        ],
        "short": [
            "Bon rapport qualité-prix, ça fait le job.",
            "Prix correct, service correct, rien de plus à demander.",
            "Je paie, ça marche, c'est tout ce que je veux.",
            "Prix juste pour le service rendu.",
            "Honnête pour le prix.",
        ],
    },
    "business_partners": {
        "intro": [
            "Je me permets de vous faire part d'une suggestion, parce que je crois que votre service pourrait encore s'améliorer.",
            "En tant que client de longue date et un peu geek, j'ai quelques idées pour votre application.",
            "Je participe déjà à votre panel clients et j'aimerais contribuer davantage.",
            "Je travaille moi-même dans la relation client, alors voici un retour constructif.",
            "J'ai remarqué un point qui pourrait vous faire gagner du temps, et à vos clients aussi.",
        ],
        "outro": [
            "Je serais ravi d'en discuter avec votre équipe produit, ou de tester une version bêta.",
            "N'hésitez pas à me recontacter si vous voulez plus de détails, je peux faire des captures d'écran.",
            "Je suis prêt à participer à un atelier clients si vous en organisez.",
            "Prenez-le comme une contribution, pas comme une critique.",
        ],
        "short": [
            "Suggestion : afficher la conso heure par heure dans l'appli, je peux aider à tester.",
            "Bonne base, mais j'ai des idées d'amélioration, contactez-moi.",
            "Votre appli gagnerait à avoir un export CSV, je serais ravi de tester.",
            "Idée : un rappel SMS avant le passage du technicien.",
        ],
    },
    "ex_friends": {
        "intro": [
            "Après {years} ans chez vous, je me sens trahie.",
            "J'ai toujours défendu {marque} quand mes amis critiquaient, et voilà comment vous me remerciez.",
            "Avant, chez {marque}, on était bien traité ; aujourd'hui je ne reconnais plus l'entreprise que j'ai connue.",
            "Je vous ai été fidèle pendant {years} ans, et vous augmentez les prix de {hausse} sans un mot pour les anciens clients.",
            "Vous étiez ma marque préférée, la boutique de {ville} était presque ma deuxième maison, et tout a changé.",
        ],
        "outro": [
            "Je ne demande qu'à retrouver la relation qu'on avait, faites un geste et je reste.",
            "Si rien ne change, je partirai le cœur lourd, mais je partirai.",
            "Montrez-moi que les anciens clients comptent encore pour vous.",
            "Je suis prête à vous laisser une dernière chance, mais c'est la dernière.",
            "Ça me fait vraiment de la peine d'en arriver là après tout ce temps.",
        ],
        "short": [
            "{years} ans de fidélité et aucune reconnaissance, déçue.",
            "Vous avez changé, ce n'est plus la marque que j'aimais.",
            "Je vous défendais, maintenant je ne sais plus.",
            "Fidèle depuis {since}, trahi par la dernière hausse.",
        ],
    },
    "kinship": {
        "intro": [
            "Le contrat était au nom de ma mère, qui nous a quittés en {mois}, et je l'ai repris pour la maison familiale.",
            "Chez nous on est {marque} de père en fils, mon grand-père travaillait déjà avec vous.",
            "J'ai hérité de la maison de mes parents et du contrat qui allait avec, je n'ai jamais pensé à changer.",
            "Mes parents ont toujours été chez vous, alors quand j'ai pris mon premier appartement j'ai fait comme eux.",
            "C'est ma fille qui m'a inscrit chez vous en même temps qu'elle, on a tout sur le même compte familial.",
        ],
        "outro": [
            "C'est un peu une histoire de famille, j'aimerais que ça continue.",
            "Je garde {marque} aussi par attachement à mes parents, c'est bête mais c'est comme ça.",
            "Ma mère vous aimait bien, j'aimerais que ça se passe bien pour moi aussi.",
            "Dans la famille on ne change pas, alors aidez-moi à m'y retrouver.",
        ],
        "short": [
            "Repris le contrat de mes parents, on est {marque} de famille.",
            "Chez nous on est clients de génération en génération.",
            "Contrat hérité de ma mère, je l'ai gardé par attachement.",
            "Toute la famille chez vous depuis toujours.",
        ],
    },
    "childhood_friendship": {
        "intro": [
            "{marque}, ça me rappelle mon enfance : le petit camion bleu de vos techniciens dans la rue de mes grands-parents.",
            "Mon premier portable, à 14 ans, c'était un forfait {marque}, alors j'ai toujours une tendresse pour vous.",
            "Je ne vous appelle pas souvent, mais chaque fois ça me ramène à l'époque où mon père recevait vos factures papier jaunes.",
            "J'ai grandi avec votre pub à la télé, la petite musique, je la fredonne encore.",
        ],
        "outro": [
            "Ça fait du bien de retrouver un peu de cette époque.",
            "Gardez ce petit côté d'autrefois, c'est réconfortant.",
            "C'est un peu de mon enfance qui continue avec vous.",
        ],
        "short": [
            "Mon premier forfait c'était chez vous, nostalgie !",
            "Ça me rappelle mon enfance, réconfortant.",
            "Une marque de toujours, liée à de bons souvenirs.",
        ],
    },
    "arranged_marriage": {
        "intro": [
            "Ce n'est pas moi qui ai choisi {marque}, c'est le bailleur social qui a un contrat collectif avec vous pour tout l'immeuble.",
            "Mon employeur m'a imposé votre forfait mobile professionnel, je n'avais pas mon mot à dire.",
            "Le syndic de la copropriété a signé avec vous pour le chauffage collectif, on nous a juste informés.",
            "La résidence étudiante fournit la box {marque}, je n'ai pas choisi mais je dois faire avec.",
        ],
        "outro": [
            "Je n'ai pas choisi, mais puisque c'est vous, autant que ça fonctionne.",
            "Je ne peux pas changer puisque c'est le contrat du bâtiment, alors expliquez-moi au moins.",
            "Je fais avec, mais j'aimerais comprendre.",
        ],
        "short": [
            "Imposé par le bailleur, pas choisi, ça marche à peu près.",
            "Fournisseur choisi par la copro, pas par moi.",
            "Forfait pro imposé par ma boîte, je fais avec.",
        ],
    },
    "master_slave": {
        "intro": [
            "Je suis client Premium, je paie le prix fort, j'attends donc un service irréprochable et immédiat.",
            "Je veux un interlocuteur dédié qui connaît mon dossier et qui me rappelle quand moi je le décide.",
            "Avec ce que je vous paie chaque mois, je n'ai pas à attendre ni à me justifier.",
            "Je vous rappelle que j'ai cinq lignes, la fibre et l'énergie pour deux maisons chez vous.",
        ],
        "outro": [
            "Je veux que ce soit réglé aujourd'hui, c'est à vous de vous adapter, pas à moi.",
            "J'exige qu'un responsable me rappelle personnellement avant ce soir.",
            "À ce niveau de prix, je ne tolère aucune approximation.",
            "Faites le nécessaire, c'est votre travail, pas le mien.",
        ],
        "short": [
            "Client Premium, j'exige un traitement à la hauteur de ce que je paie.",
            "Je veux un conseiller dédié, pas un centre d'appels.",
            "Service pas à la hauteur du prix Premium, j'attends mieux.",
        ],
    },
    "secret_affair": {
        "intro": [
            "Je vous écris discrètement : j'ai souscrit une deuxième ligne que mon conjoint ne connaît pas.",
            "Je préfère que personne à la maison ne sache que j'ai ce forfait, merci de ne rien envoyer par courrier.",
            "J'ai pris un abonnement chez vous sans en parler à ma famille, et j'aimerais que ça reste entre nous.",
        ],
        "outro": [
            "Surtout, n'appelez pas le numéro fixe et n'envoyez rien à la maison.",
            "Je compte sur votre discrétion, c'est très important pour moi.",
            "Merci de garder ça confidentiel, vraiment.",
        ],
        "short": [
            "Merci pour la discrétion, personne n'est au courant chez moi.",
            "Ligne perso discrète, surtout pas de courrier papier.",
        ],
    },
    "compartmentalised_friendship": {
        "intro": [
            "J'ai {marque} uniquement pour ma résidence secondaire en Bretagne, le reste de l'année je suis ailleurs.",
            "Je n'utilise votre box que l'été, au chalet, et franchement c'est un plaisir à chaque fois.",
            "Pour le cabinet j'ai pris {marque}, pour la maison c'est un autre fournisseur : chacun son rôle.",
        ],
        "outro": [
            "Pour cet usage-là, vous êtes parfaits, je ne vous demande rien de plus.",
            "Chacun sa place : vous, c'est les vacances, et ça me va très bien.",
            "Dans ce cadre précis je suis ravi, ailleurs je n'en ai pas besoin.",
        ],
        "short": [
            "Uniquement pour la maison de vacances, parfait pour ça.",
            "Je vous utilise pour le cabinet seulement, très bien dans ce rôle.",
            "Box du chalet l'été, toujours un plaisir.",
        ],
    },
}

# ---------------------------------------------------------------------------
# Contact reasons
#   detail: what happened / what is asked (first person, written)
#   short: survey-style
#   subject: e-mail subjects
#   agent_reform: agent's reformulation in calls; agent_solution: agent's answer
# ---------------------------------------------------------------------------
REASONS = {
    "billing": {
        "detail": [
            "Ma facture de {mois} s'élève à {montant} alors que je paie d'habitude {montant_habituel}, sans aucun changement de consommation.",
            "Je reçois une facture de régularisation de {montant} que je ne comprends pas du tout, mon relevé de compteur a pourtant été transmis.",
            "Vous m'avez facturé deux fois l'abonnement box ce mois-ci, une fois le 3 et une fois le 17.",
            "Sur la facture n° F-{facture} apparaît une option « Sécurité Plus » que je n'ai jamais demandée.",
            "Ma facture est calculée sur une estimation alors que le compteur communique tout seul, le montant de {montant} est délirant.",
            "Les frais de mise en service de 49 € devaient être offerts d'après le vendeur, et ils sont pourtant sur ma facture.",
        ],
        "short": [
            "Facture de {montant} incompréhensible.",
            "Erreur de facturation, option jamais demandée.",
            "Facture estimée n'importe comment.",
            "Double facturation de l'abonnement.",
        ],
        "subject": ["Contestation facture {mois}", "Erreur sur ma facture F-{facture}", "Facture incompréhensible", "Régularisation de {montant} ???", "Double prélèvement abonnement"],
        "agent_reform": [
            "Si je comprends bien, vous contestez le montant de votre facture de {mois}, qui est de {montant} au lieu de {montant_habituel} habituellement, c'est bien ça ?",
            "D'accord, donc une option apparaît sur votre facture alors que vous ne l'avez pas souscrite, je regarde tout de suite.",
        ],
        "agent_solution": [
            "Je vois effectivement une erreur d'index sur le relevé, je lance une facture rectificative, vous la recevrez sous cinq jours ouvrés.",
            "J'ai retiré l'option et je vous crédite le montant sur la prochaine facture.",
            "Je transmets une demande de vérification au service facturation, ils reviennent vers vous sous 48 heures.",
        ],
    },
    "payment": {
        "detail": [
            "Mon prélèvement a été rejeté ce mois-ci parce que j'ai changé de banque, voici mon nouvel IBAN : {iban}.",
            "Je voudrais payer par carte la facture en retard, mais le paiement en ligne échoue à chaque fois avec ma carte {carte}.",
            "Je souhaite étaler le paiement de la régularisation de {montant} en plusieurs fois, je ne peux pas tout payer d'un coup.",
            "J'ai reçu une relance avec 10 € de frais alors que le virement est parti le {jour}, j'ai la preuve.",
            "Je voudrais changer la date de prélèvement du 5 au 15 du mois, je suis payé le 10.",
        ],
        "short": [
            "Prélèvement rejeté, changement de banque pas pris en compte.",
            "Paiement en ligne impossible par carte.",
            "Besoin d'un échéancier pour la régul.",
            "Frais de relance injustifiés, j'avais payé.",
        ],
        "subject": ["Changement de coordonnées bancaires", "Paiement refusé", "Demande d'échéancier", "Relance injustifiée", "Date de prélèvement"],
        "agent_reform": [
            "Vous souhaitez donc mettre à jour vos coordonnées bancaires suite au rejet du prélèvement, c'est bien cela ?",
            "Je reformule : vous aimeriez régler la régularisation de {montant} en plusieurs fois.",
        ],
        "agent_solution": [
            "J'ai enregistré le nouveau mandat de prélèvement, il sera actif dès la prochaine échéance.",
            "Je vous mets en place un échéancier en trois fois sans frais, vous recevez le détail par e-mail.",
            "J'annule les frais de relance, c'est fait.",
        ],
    },
    "refund": {
        "detail": [
            "J'attends toujours le remboursement de mon trop-perçu de {montant}, promis depuis {delai}.",
            "Ma facture de clôture indique que vous me devez {montant}, et je n'ai toujours rien reçu sur mon compte.",
            "J'ai renvoyé la box en recommandé il y a {delai} et on me facture encore la caution de 150 €, je veux être remboursée.",
            "Le geste commercial de 30 € annoncé au téléphone n'apparaît nulle part.",
            "Vous m'aviez promis un avoir après la panne de dix jours, je ne vois rien venir.",
        ],
        "short": [
            "Remboursement du trop-perçu toujours pas reçu.",
            "Caution de la box jamais remboursée.",
            "Geste commercial promis, jamais versé.",
            "J'attends mes {montant} depuis {delai}.",
        ],
        "subject": ["Remboursement trop-perçu", "Où est mon remboursement ?", "Caution box non remboursée", "Avoir promis non versé"],
        "agent_reform": [
            "Vous attendez le remboursement de votre trop-perçu de {montant} depuis {delai}, c'est bien ça ?",
            "Donc la caution de la box ne vous a pas été restituée après le retour du matériel.",
        ],
        "agent_solution": [
            "Je relance le virement en priorité, il doit apparaître sous dix jours ouvrés.",
            "Je vois que le retour de la box a bien été réceptionné, je déclenche le remboursement de la caution aujourd'hui.",
            "Je vous confirme l'avoir de 30 €, il sera déduit de votre prochaine facture.",
        ],
    },
    "delivery": {
        "detail": [
            "Ma commande {commande} devait être livrée le {jour}, le suivi indique « livré » mais je n'ai rien reçu.",
            "Le livreur est passé pendant que j'étais là, il n'a même pas sonné et a laissé un avis de passage.",
            "Le colis avec le nouveau smartphone est bloqué au dépôt depuis {delai}.",
            "Le technicien pour le raccordement fibre ne s'est pas présenté au rendez-vous, j'avais pris ma journée.",
            "On m'a livré la box dans un carton ouvert et il manquait le câble d'alimentation.",
            "Le relais colis de {ville} me dit qu'il n'a jamais reçu mon paquet.",
        ],
        "short": [
            "Colis marqué livré, jamais reçu.",
            "Technicien absent au rendez-vous.",
            "Livraison en retard de {delai}.",
            "Livreur qui ne sonne même pas.",
        ],
        "subject": ["Commande {commande} non reçue", "Livraison box", "Rendez-vous technicien manqué", "Colis perdu", "Retard de livraison"],
        "agent_reform": [
            "Je comprends, votre commande {commande} apparaît comme livrée mais vous ne l'avez pas reçue.",
            "Si je résume, le technicien n'est pas venu au rendez-vous de raccordement.",
        ],
        "agent_solution": [
            "J'ouvre une enquête auprès du transporteur et je vous renvoie un colis en express si rien n'est retrouvé sous 48 heures.",
            "Je vous propose un nouveau rendez-vous technicien jeudi entre 8 h et 12 h, en créneau prioritaire.",
            "Je vous envoie le câble manquant en lettre suivie dès aujourd'hui.",
        ],
    },
    "order": {
        "detail": [
            "Je voudrais commander le répéteur Wi-Fi et un deuxième décodeur TV, mais le site plante au moment de valider.",
            "J'ai passé commande du forfait {offre} en boutique et je n'ai reçu aucune confirmation.",
            "Je souhaite modifier ma commande {commande} : je voulais le modèle 256 Go et pas le 128 Go.",
            "Ma commande {commande} a été annulée sans explication alors que le paiement est passé.",
            "Je veux commander la borne de recharge pour ma voiture avec l'installation, comment faut-il faire ?",
        ],
        "short": [
            "Commande impossible à valider sur le site.",
            "Pas de confirmation de commande.",
            "Commande annulée sans raison.",
            "Erreur de modèle dans ma commande.",
        ],
        "subject": ["Commande {commande}", "Problème de commande", "Modification de commande", "Commande annulée ?"],
        "agent_reform": [
            "Vous souhaitez modifier votre commande {commande} pour un autre modèle, c'est bien ça ?",
            "Si je comprends bien, vous n'arrivez pas à finaliser votre commande sur le site.",
        ],
        "agent_solution": [
            "Je passe la commande directement depuis mon poste, vous recevez la confirmation par e-mail dans quelques minutes.",
            "J'ai modifié la commande, la livraison est prévue sous trois jours.",
            "Je vois que l'annulation vient d'un contrôle de paiement, je relance la commande sans frais supplémentaires.",
        ],
    },
    "product_defect": {
        "detail": [
            "Ma box redémarre toute seule plusieurs fois par jour et la connexion coupe en pleine visio.",
            "Le décodeur TV affiche un écran noir depuis la dernière mise à jour.",
            "Le smartphone acheté chez vous il y a deux mois ne charge plus du tout.",
            "Le compteur affiche une consommation alors que la maison est vide et tout est débranché.",
            "Le Wi-Fi ne passe plus à l'étage, alors que tout fonctionnait avant le changement de box.",
            "La fibre coupe tous les soirs vers 21 heures depuis {delai}.",
        ],
        "short": [
            "Box qui redémarre en boucle.",
            "Décodeur écran noir depuis la mise à jour.",
            "Connexion qui coupe tous les soirs.",
            "Téléphone en panne après deux mois.",
        ],
        "subject": ["Box défectueuse", "Coupures internet", "Panne décodeur", "Téléphone en panne sous garantie", "Wi-Fi instable"],
        "agent_reform": [
            "D'accord, votre box redémarre toute seule et la connexion coupe, depuis combien de temps exactement ?",
            "Je résume : le décodeur reste sur un écran noir depuis la mise à jour.",
        ],
        "agent_solution": [
            "Je vais faire un test de ligne à distance. Je vois des erreurs de synchronisation, je vous envoie une box de remplacement en express.",
            "Je lance une réinitialisation à distance du décodeur, ça prend cinq minutes, restez en ligne.",
            "Le téléphone est sous garantie, je vous crée un bon de retour prépayé et un prêt de mobile en boutique.",
        ],
    },
    "account_access": {
        "detail": [
            "Je n'arrive plus à me connecter à mon espace client, le code de vérification n'arrive jamais par SMS.",
            "Mon compte est bloqué après trois essais de mot de passe et la réinitialisation renvoie vers une page d'erreur.",
            "Je ne retrouve pas mon identifiant, j'ai changé d'adresse e-mail entre-temps.",
            "L'application me déconnecte à chaque ouverture depuis la mise à jour.",
            "Je voudrais donner accès à mon compte à mon fils, qui s'occupe de mes papiers, mais je ne sais pas comment faire.",
        ],
        "short": [
            "Impossible de me connecter à l'espace client.",
            "Compte bloqué, code SMS jamais reçu.",
            "Appli qui déconnecte sans arrêt.",
            "Mot de passe oublié, procédure qui ne marche pas.",
        ],
        "subject": ["Accès espace client impossible", "Compte bloqué", "Mot de passe", "Problème de connexion à l'application"],
        "agent_reform": [
            "Vous n'arrivez donc plus à accéder à votre espace client parce que le code SMS n'arrive pas, c'est ça ?",
            "Si je comprends bien, votre compte est bloqué après plusieurs tentatives.",
        ],
        "agent_solution": [
            "Je débloque votre compte et je vous envoie un lien de réinitialisation par e-mail, il est valable 24 heures.",
            "J'ai mis à jour votre adresse e-mail, vous pouvez vous reconnecter avec celle-ci.",
            "Je vous explique pas à pas : vous ouvrez l'application, puis « Mot de passe oublié »…",
        ],
    },
    "subscription_change": {
        "detail": [
            "Je souhaite passer de l'offre Essentielle à {offre}, pouvez-vous me dire ce que ça change sur ma mensualité ?",
            "Je voudrais ajouter une ligne mobile pour ma fille sur mon compte.",
            "Je déménage à {ville} le mois prochain et je veux transférer l'électricité et la box à la nouvelle adresse.",
            "Je voudrais passer en option heures creuses maintenant que j'ai une voiture électrique.",
            "Je souhaite baisser mon forfait mobile, je n'utilise jamais plus de 10 Go.",
            "Je veux mettre le contrat au nom de mon conjoint.",
        ],
        "short": [
            "Changement d'offre fait rapidement.",
            "Transfert de contrat pour déménagement.",
            "Ajout d'une ligne pour ma fille.",
            "Passage en heures creuses.",
        ],
        "subject": ["Changement d'offre", "Déménagement", "Ajout d'une ligne", "Modification de contrat", "Passage à {offre}"],
        "agent_reform": [
            "Vous souhaitez passer à l'offre {offre}, je vérifie votre éligibilité.",
            "Je note donc un déménagement à {ville}, avec transfert de l'énergie et de la box.",
        ],
        "agent_solution": [
            "C'est fait, le changement d'offre prendra effet au début du prochain cycle de facturation.",
            "Je programme le transfert pour la date de votre emménagement, sans frais de mise en service.",
            "La nouvelle ligne est créée, la carte SIM part aujourd'hui par courrier.",
        ],
    },
    "cancellation": {
        "detail": [
            "Je souhaite résilier mon contrat {contrat} avec effet immédiat.",
            "Je veux résilier la box, je pars à l'étranger pour deux ans.",
            "Je vous informe que je vais résilier l'ensemble de mes contrats à la fin du mois.",
            "On me demande 180 € de frais de résiliation anticipée, je refuse de payer ça.",
            "J'ai envoyé ma demande de résiliation il y a {delai} et je suis toujours prélevé.",
        ],
        "short": [
            "Je résilie dès la fin de l'engagement.",
            "Résiliation demandée, toujours prélevé.",
            "Frais de résiliation scandaleux.",
            "Je pars, résiliation en cours.",
        ],
        "subject": ["Résiliation contrat {contrat}", "Demande de résiliation", "Résiliation toujours pas prise en compte", "Frais de résiliation"],
        "agent_reform": [
            "Vous souhaitez donc résilier votre contrat {contrat}, puis-je vous demander la raison ?",
            "Je comprends que vous envisagez de nous quitter, est-ce qu'il y a quelque chose que je peux faire pour vous retenir ?",
        ],
        "agent_solution": [
            "J'enregistre la résiliation, vous recevrez la confirmation et la facture de clôture par e-mail.",
            "Avant de valider, je peux vous proposer trois mois à moitié prix si vous restez.",
            "Je vois que la demande n'a pas été traitée, je la passe en urgence et je bloque les prélèvements.",
        ],
    },
    "price": {
        "detail": [
            "Mon abonnement augmente de {hausse} au 1er du mois, je l'ai appris par un simple e-mail.",
            "{concurrent} propose la même offre pour 12 € de moins par mois, pourquoi pas vous ?",
            "Le prix du kWh a encore augmenté, ma mensualité passe de {montant_habituel} à {montant}.",
            "Les nouveaux clients ont droit à des prix cassés et les anciens paient plein pot.",
            "Le prix de la box après les douze premiers mois a quasiment doublé.",
        ],
        "short": [
            "Trop cher depuis la hausse de {hausse}.",
            "Prix en hausse sans justification.",
            "{concurrent} est moins cher pour la même chose.",
            "Les nouveaux clients sont mieux traités que les anciens.",
        ],
        "subject": ["Augmentation de tarif", "Hausse de prix inacceptable", "Tarif", "Prix de l'abonnement"],
        "agent_reform": [
            "Je comprends, c'est l'augmentation de {hausse} de votre abonnement qui vous pose problème.",
            "Vous avez vu une offre moins chère chez un concurrent et vous voudriez qu'on s'aligne, c'est ça ?",
        ],
        "agent_solution": [
            "Je peux vous proposer de passer sur l'offre {offre}, qui revient moins cher pour votre usage.",
            "Je vous accorde une remise fidélité de 5 € par mois pendant un an.",
            "Malheureusement je ne peux pas modifier le tarif réglementé, mais je peux vous orienter vers une offre à prix fixe.",
        ],
    },
    "contact_difficulty": {
        "detail": [
            "C'est la {nieme} fois que j'appelle et je tombe systématiquement sur le répondeur après 40 minutes d'attente.",
            "Le chat en ligne se ferme tout seul dès que je demande un conseiller humain.",
            "J'ai envoyé quatre e-mails depuis {delai} et je n'ai eu que des réponses automatiques.",
            "On m'a promis d'être rappelée sous 48 heures, ça fait {delai} que j'attends.",
            "Votre serveur vocal me renvoie toujours au menu principal, impossible de parler à quelqu'un.",
        ],
        "short": [
            "Impossible de joindre quelqu'un, 40 min d'attente.",
            "Jamais rappelée malgré les promesses.",
            "Chatbot inutile, je veux un humain.",
            "Des e-mails sans réponse depuis {delai}.",
        ],
        "subject": ["Impossible de vous joindre", "Toujours sans réponse", "Demande de rappel", "{nieme} relance"],
        "agent_reform": [
            "Je suis désolée pour l'attente, vous avez essayé de nous joindre plusieurs fois sans succès, c'est bien cela ?",
            "Je comprends que vous n'avez pas été rappelé comme prévu.",
        ],
        "agent_solution": [
            "Je vous donne une ligne directe pour votre dossier et je vous rappelle moi-même jeudi.",
            "Je note dans votre dossier que vous souhaitez être recontacté par téléphone et pas par e-mail.",
            "Je reste votre interlocutrice sur ce dossier jusqu'à sa résolution.",
        ],
    },
    "agent_behaviour": {
        "detail": [
            "La conseillère que j'ai eue hier m'a raccroché au nez quand j'ai demandé un responsable.",
            "Le vendeur de la boutique de {ville} m'a parlé comme à un enfant et m'a vendu une option inutile.",
            "Votre conseiller m'a promis un geste commercial puis l'a nié quand j'ai rappelé.",
            "Le technicien a été désagréable, a laissé des câbles partout et est reparti sans rien expliquer.",
            "On m'a répondu sur un ton sec et méprisant, comme si je dérangeais.",
        ],
        "short": [
            "Conseiller désagréable qui m'a raccroché au nez.",
            "Vendeur condescendant en boutique.",
            "Technicien impoli et bâclé.",
            "Ton méprisant au téléphone.",
        ],
        "subject": ["Comportement inacceptable d'un conseiller", "Plainte contre le vendeur", "Accueil déplorable", "Réclamation technicien"],
        "agent_reform": [
            "Je suis vraiment navrée de ce qui s'est passé, vous me dites que le conseiller a raccroché pendant l'appel.",
            "Si je comprends bien, vous n'avez pas été bien reçu en boutique.",
        ],
        "agent_solution": [
            "Je fais remonter votre réclamation au responsable d'équipe, ce n'est pas la façon dont nous souhaitons traiter nos clients.",
            "Je vous présente nos excuses au nom de l'entreprise et je retire l'option qui vous a été vendue.",
            "Je transmets au manager de la boutique, il vous contactera personnellement.",
        ],
    },
    "information_request": {
        "detail": [
            "Je voudrais savoir si la fibre est disponible au {adresse}.",
            "Pouvez-vous m'expliquer la différence entre l'offre à prix fixe et l'offre indexée ?",
            "Est-ce que le chèque énergie est accepté pour payer mes factures de gaz ?",
            "Je voudrais connaître la date de fin de mon engagement sur le contrat {contrat}.",
            "Comment fonctionne exactement l'option Heures Creuses Plus le week-end ?",
            "Quelle est la procédure pour transmettre mon relevé de compteur moi-même ?",
        ],
        "short": [
            "Réponse claire à ma question, merci.",
            "Besoin d'infos sur les offres, explications moyennes.",
            "Question sur l'éligibilité fibre.",
            "Renseignement sur la fin d'engagement.",
        ],
        "subject": ["Demande d'information", "Question sur mon contrat", "Éligibilité fibre", "Renseignements offre", "Chèque énergie"],
        "agent_reform": [
            "Vous souhaitez connaître la date de fin d'engagement de votre contrat, je regarde.",
            "Vous voulez savoir si la fibre est disponible à votre adresse, je lance le test d'éligibilité.",
        ],
        "agent_solution": [
            "Votre engagement se termine le 30 juin, après cette date vous êtes libre sans frais.",
            "Bonne nouvelle, votre adresse est éligible à la fibre, le raccordement est possible sous trois semaines.",
            "Oui, le chèque énergie est accepté, vous pouvez l'envoyer par courrier ou le saisir en ligne.",
        ],
    },
    "compliment": {
        "detail": [
            "Je tenais à remercier {agent}, qui a réglé mon problème en dix minutes avec beaucoup de patience.",
            "Le technicien venu lundi a été parfait : ponctuel, soigneux, et il a pris le temps de tout m'expliquer.",
            "Bravo pour la nouvelle application, enfin on voit sa consommation jour par jour.",
            "Je voulais vous dire que l'accueil à la boutique de {ville} est toujours excellent.",
            "Votre service client m'a rappelé comme promis, à l'heure dite, ça mérite d'être souligné.",
        ],
        "short": [
            "Conseillère au top, merci {agent} !",
            "Technicien parfait, ponctuel et soigneux.",
            "Super appli, bravo.",
            "Accueil en boutique excellent comme toujours.",
            "Rappelé à l'heure promise, bravo.",
        ],
        "subject": ["Merci !", "Remerciements", "Bravo à votre conseillère", "Un grand merci au technicien", "Félicitations"],
        "agent_reform": [
            "Oh, merci beaucoup, ça fait plaisir d'entendre ça ! Vous appelez pour remercier {agent}, c'est bien ça ?",
            "C'est très gentil de prendre le temps de nous le dire.",
        ],
        "agent_solution": [
            "Je transmets votre message à son responsable, ça va lui faire très plaisir.",
            "Je note votre retour dans le dossier, il sera partagé avec l'équipe.",
        ],
    },
}

# ---------------------------------------------------------------------------
# Emotions: written expressions and survey-style short ones
# ---------------------------------------------------------------------------
EMOTIONS = {
    "joy": {
        "written": ["Je suis vraiment ravi{e}, ça m'a fait plaisir.", "Franchement, quel bonheur quand tout marche du premier coup !",
                    "J'étais tellement content{e} que j'en ai parlé à tout le bureau.", "C'est un vrai plaisir, ça m'a mis de bonne humeur pour la journée."],
        "short": ["Trop content{e} !", "Ravi{e} 😊", "Que du bonheur.", "Génial !"],
    },
    "trust": {
        "written": ["Je sais que je peux vous faire confiance pour régler ça.", "J'ai confiance, vous avez toujours tenu parole jusqu'ici.",
                    "Je vous laisse faire, je suis sûr{e} que ce sera bien fait.", "Je n'ai pas d'inquiétude, vous êtes sérieux."],
        "short": ["Confiance.", "Fiable.", "Je sais que c'est sérieux.", "Je vous fais confiance."],
    },
    "fear": {
        "written": ["[billing,payment,refund,cancellation] J'ai peur que mon électricité soit coupée avec ce retard, j'ai un enfant en bas âge.", "[account_access] Ça m'angoisse vraiment, j'ai peur de me faire pirater mon compte.", "Ça m'angoisse vraiment, j'ai peur que ça empire.",
                    "[billing,account_access,order,subscription_change] J'ai peur que mon conjoint l'apprenne par un courrier.", "J'ai eu très peur, je tremblais encore en raccrochant.", "[billing,payment,product_defect,cancellation] Je suis terrorisé{e} à l'idée de me retrouver sans chauffage en plein hiver."],
        "short": ["[billing,payment,product_defect,contact_difficulty] J'ai eu peur d'être coupé{e}.", "[account_access] Peur de perdre mes données.", "Angoissant.", "Ça fait peur."],
    },
    "surprise": {
        "written": ["[billing,price,payment,refund,cancellation,subscription_change] Quelle n'a pas été ma surprise en ouvrant le courrier !", "Quelle n'a pas été ma surprise !", "Je suis tombé{e} des nues en voyant ça.",
                    "Je ne m'y attendais pas du tout, honnêtement.", "Étonnant, je n'aurais jamais cru ça possible."],
        "short": ["Surpris{e} !", "Je ne m'y attendais pas.", "Étonnant.", "Quelle surprise."],
    },
    "sadness": {
        "written": ["Ça me rend triste d'en arriver là.", "J'ai le cœur gros, sincèrement.",
                    "C'est une période difficile pour moi et ça n'aide pas.", "Je suis peiné{e}, vraiment, on avait une belle relation."],
        "short": ["Triste.", "Ça me peine.", "Le cœur gros.", "Bien triste d'en arriver là."],
    },
    "disgust": {
        "written": ["Vos méthodes me dégoûtent.", "C'est écœurant de traiter les gens comme ça.",
                    "Je trouve ça répugnant, il n'y a pas d'autre mot.", "Ça me donne la nausée de voir comment vous fonctionnez."],
        "short": ["Écœurant.", "Dégoûté{e}.", "Répugnant.", "Ça me dégoûte."],
    },
    "anger": {
        "written": ["Je suis FURIEUX{x}, c'est inadmissible !", "Je suis hors de moi.",
                    "Ça me met dans une colère noire.", "C'est scandaleux et je suis en colère, vraiment en colère."],
        "short": ["INADMISSIBLE !!!", "Furieux{x}.", "Scandaleux.", "En colère."],
    },
    "anticipation": {
        "written": ["J'ai hâte de voir ce que ça va donner.", "J'attends avec impatience la suite.",
                    "Je suis curieux{x} de voir les prochaines nouveautés.", "Je suis impatient{e} de pouvoir en profiter."],
        "short": ["Hâte de voir la suite.", "Impatient{e} !", "J'attends la suite avec curiosité.", "Vivement la suite."],
    },
    "frustration": {
        "written": ["C'est usant, je tourne en rond depuis des semaines.", "J'en ai assez de répéter la même chose à chaque appel.",
                    "C'est frustrant de ne jamais avoir de réponse claire.", "Je perds un temps fou pour un problème qui devrait être simple."],
        "short": ["Frustrant.", "Usant.", "J'en ai marre.", "Je tourne en rond."],
    },
    "disappointment": {
        "written": ["Je suis déçu{e}, j'attendais mieux de vous.", "Quelle déception, vraiment.",
                    "Je m'attendais à autre chose, franchement c'est décevant.", "C'est dommage, vous valiez mieux que ça."],
        "short": ["Déçu{e}.", "Décevant.", "Dommage.", "Je m'attendais à mieux."],
    },
    "worry": {
        "written": ["Je suis inquiète, je ne dors plus bien à cause de cette histoire.", "Ça me préoccupe beaucoup.",
                    "[billing,price,payment,subscription_change,refund] Je m'inquiète de ce que ça va donner sur la prochaine facture.", "Je m'inquiète de la suite.", "Je suis un peu inquiet{e}, je ne vous le cache pas."],
        "short": ["Inquiet{e}.", "Ça m'inquiète.", "Un peu inquiet{e} pour la suite.", "Préoccupant."],
    },
    "confusion": {
        "written": ["Je n'y comprends plus rien, entre les courriers et l'appli ce n'est pas la même chose.", "Je suis perdu{e}, honnêtement.",
                    "Franchement, c'est le flou total.", "Je ne comprends pas ce qu'on attend de moi."],
        "short": ["Incompréhensible.", "Perdu{e}.", "Je n'y comprends rien.", "Flou total."],
    },
    "relief": {
        "written": ["Ouf, je suis soulagé{e} que ce soit enfin réglé.", "Quel soulagement, vraiment.",
                    "Je respire enfin, merci.", "Ça m'enlève un poids."],
        "short": ["Soulagé{e}.", "Ouf !", "Enfin réglé, quel soulagement.", "Je respire."],
    },
    "gratitude": {
        "written": ["Un immense merci pour votre aide.", "Je vous remercie sincèrement pour votre patience.",
                    "Merci, merci et encore merci.", "Je vous en suis très reconnaissant{e}."],
        "short": ["Merci beaucoup !", "Merci pour tout.", "Reconnaissant{e}.", "Grand merci."],
    },
}

# Reasons whose emotion can be positive only / negative only.
POSITIVE_EMOTIONS = ["joy", "gratitude", "trust", "relief", "surprise", "anticipation"]
NEGATIVE_ONLY_REASONS = {"agent_behaviour", "contact_difficulty", "refund", "product_defect", "account_access", "delivery", "billing", "payment", "cancellation", "price"}

# ---------------------------------------------------------------------------
# Conflict and politeness markers (added according to tone)
# ---------------------------------------------------------------------------
CONFLICT = [
    "C'est la {nieme} fois que je vous contacte pour la même chose.",
    "Après {years} ans chez vous, je trouve ça fort.",
    "Je veux parler à un responsable.",
    "Merci pour rien.",
    "Bravo, vraiment, quel service client…",
    "Je menace pas, je préviens : si ça continue je pars.",
    "JE VEUX UNE RÉPONSE.",
    "Sans nouvelles de votre part sous 48 heures, je vais voir ailleurs.",
]
POLITE = [
    "Je vous prie de m'excuser pour la longueur de ce message.",
    "Désolée de vous déranger pour si peu.",
    "Merci d'avance pour votre retour.",
    "Je vous remercie par avance de l'attention que vous porterez à ma demande.",
    "Pourriez-vous, s'il vous plaît, regarder cela quand vous aurez un moment ?",
    "Je sais que vous faites de votre mieux.",
]

GREETINGS_FORMAL = ["Madame, Monsieur,", "Bonjour Madame, Monsieur,", "Madame, Monsieur, bonjour."]
GREETINGS_PLAIN = ["Bonjour,", "Bonjour", "Bonjour à vous,", "Bonsoir,", "Bjr,", "Salut,"]
CLOSINGS_FORMAL = [
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    "Veuillez recevoir mes salutations distinguées.",
    "Dans l'attente de votre réponse, je vous prie d'agréer mes sincères salutations.",
]
CLOSINGS_PLAIN = ["Cordialement,", "Bien cordialement,", "Merci,", "Bonne journée,", "Cdt", "A+"]

# ---------------------------------------------------------------------------
# Service-side replies quoted in e-mails
# ---------------------------------------------------------------------------
SERVICE_REPLIES = [
    "Bonjour,\n\nNous avons bien reçu votre demande et nous vous remercions de votre confiance.\nUn conseiller reviendra vers vous dans les meilleurs délais.\n\nBien cordialement,\nLe Service Client {marque}",
    "Bonjour {civ} {nom},\n\nSuite à votre appel, nous vous confirmons la prise en compte de votre dossier sous la référence {dossier}.\nLe délai de traitement est de 5 à 10 jours ouvrés.\n\nCordialement,\n{agent}, Service Client {marque}",
    "Bonjour {civ} {nom},\n\nNous sommes désolés pour la gêne occasionnée. Après vérification, votre facture est conforme à votre consommation relevée.\nNous restons à votre disposition.\n\nCordialement,\nLe Service Client {marque}",
    "Bonjour,\n\nCeci est une réponse automatique. Votre message a bien été enregistré.\nPour toute question, consultez notre FAQ ou connectez-vous à votre espace client.\n\nL'équipe {marque}",
    "Bonjour {civ} {nom},\n\nMerci pour votre message. Pourriez-vous nous transmettre une photo de votre compteur ainsi que votre numéro de contrat afin que nous puissions avancer ?\n\nBien à vous,\n{agent}\nConseillère clientèle {marque}",
]

# ---------------------------------------------------------------------------
# Calls: agent script pieces
# ---------------------------------------------------------------------------
AGENT_GREET = [
    "{marque} bonjour, {agent} à votre écoute, que puis-je faire pour vous ?",
    "Bonjour, service client {marque}, je m'appelle {agent}, en quoi puis-je vous aider ?",
    "{marque} service client, {agent}, bonjour !",
    "Bonjour et merci de votre patience, {agent} du service client {marque}, je vous écoute.",
]
AGENT_IDENT = [
    "Pour commencer, pouvez-vous me donner votre numéro client s'il vous plaît ?",
    "Je vais d'abord vérifier votre identité : votre nom, prénom et votre adresse ?",
    "Vous avez votre numéro de contrat sous la main ?",
    "Pour sécuriser l'échange, pouvez-vous me confirmer votre date de naissance et votre code postal ?",
]
AGENT_HOLD = [
    "Je vous mets un petit instant en attente, je consulte votre dossier.",
    "Ne quittez pas, je regarde ça.",
    "Je vérifie, un instant s'il vous plaît.",
]
AGENT_EMPATHY = {
    "neg": ["Je comprends tout à fait votre agacement et je vous présente nos excuses.", "Je suis vraiment désolée pour ce désagrément.",
            "Vous avez raison, ce n'est pas normal, je m'en occupe.", "Je comprends, c'est très désagréable."],
    "pos": ["Ça fait plaisir à entendre.", "Merci pour votre fidélité.", "Très bien, je m'en occupe avec plaisir."],
}
AGENT_CLOSE = [
    "Est-ce que je peux faire autre chose pour vous ?",
    "Y a-t-il autre chose que je puisse faire pour vous aujourd'hui ?",
    "Avez-vous d'autres questions ?",
]
AGENT_BYE = [
    "Merci de votre appel et excellente journée, au revoir.",
    "Je vous remercie de votre confiance, bonne fin de journée.",
    "Vous allez recevoir un court questionnaire de satisfaction par SMS. Au revoir et bonne journée.",
    "Merci à vous, au revoir.",
]
CLIENT_BYE_POS = ["Non, c'est tout, merci beaucoup, au revoir.", "Non ça ira, merci, bonne journée à vous aussi.", "Merci, au revoir !"]
CLIENT_BYE_NEG = ["Non. Au revoir.", "On verra bien. Au revoir.", "J'espère que cette fois ce sera la bonne. Au revoir.", "Ouais. Au revoir."]
FILLERS = ["euh", "ben", "bah", "en fait", "voilà", "bon", "hein", "enfin", "du coup", "vous voyez"]

# ---------------------------------------------------------------------------
# Interviews: questions and long, reflective answers per relationship form
# ---------------------------------------------------------------------------
INTERVIEW_QUESTIONS = {
    "history": ["Pour commencer, pouvez-vous me raconter comment vous êtes devenu{e} client{e} {marque} ?",
                "Depuis quand êtes-vous chez {marque}, et comment ça a commencé ?"],
    "feeling": ["Si vous deviez décrire votre relation avec {marque} en quelques mots, que diriez-vous ?",
                "Qu'est-ce que vous ressentez quand vous pensez à {marque} aujourd'hui ?"],
    "last_contact": ["Parlez-moi de votre dernier contact avec le service client.",
                     "Vous m'avez dit au téléphone avoir eu un souci récemment, vous pouvez me raconter ?"],
    "competitors": ["Vous avez déjà été chez d'autres fournisseurs ? Comment vous comparez ?",
                    "Et par rapport à la concurrence, comment vous situez {marque} ?"],
    "leave": ["Qu'est-ce qui pourrait vous faire partir ?", "Est-ce que vous avez déjà pensé à changer ?"],
    "advice": ["Si vous aviez le directeur de {marque} en face de vous, que lui diriez-vous ?",
               "Pour finir, un conseil à donner à {marque} ?"],
}
INTERVIEW_FOLLOWUPS = ["D'accord.", "Hm hm.", "Je vois.", "Vous pouvez préciser ?", "C'est intéressant, continuez.", "Et qu'est-ce que vous avez ressenti à ce moment-là ?", "Ah oui ?"]

INTERVIEW_STORIES = {
    "committed_partnership": {
        "history": "Alors, euh, c'est une longue histoire. On a pris {marque} en {since}, quand on a acheté la maison. À l'époque c'était juste l'électricité, et puis petit à petit on a tout mis chez eux, le gaz, la box, les portables des enfants. Je n'ai jamais fait partie de ces gens qui changent tous les ans pour gagner trois euros. Pour moi un fournisseur c'est comme un garagiste ou un médecin, on en trouve un bon et on le garde.",
        "feeling": "Je dirais… une relation de confiance. Solide. Je ne me pose pas de questions quand je reçois une facture, je sais qu'elle est juste. Et quand il y a un problème, je sais qu'ils vont le régler. Ce n'est pas de l'amour, hein, faut pas exagérer, mais c'est un engagement, oui. Je me sens engagé vis-à-vis d'eux, et je crois que c'est réciproque.",
        "competitors": "J'ai des collègues chez {concurrent} qui passent leur vie au téléphone avec la hotline. Ils me disent que je suis naïf de ne pas faire jouer la concurrence. Peut-être. Mais moi je dors tranquille. Je préfère payer un peu plus et avoir la paix.",
        "leave": "Il faudrait vraiment une trahison. Genre qu'on me mente. Une erreur, ça arrive, tout le monde fait des erreurs. Mais si je découvrais qu'on m'a facturé des choses en douce pendant des années, là, ce serait fini, et je crois que ça me ferait vraiment mal.",
        "advice": "De ne pas oublier les gens comme moi. On ne fait pas de bruit, on ne réclame pas, mais on est là depuis le début. Un petit mot, une attention de temps en temps, ça ne coûte rien.",
    },
    "ex_friends": {
        "history": "Moi j'étais la cliente modèle, hein. {years} ans. J'ai même fait venir ma sœur et deux copines. Je défendais {marque} dans les repas de famille quand mon beau-frère disait que c'était tous des voleurs. Je disais non, eux c'est différent, ils sont corrects.",
        "feeling": "Aujourd'hui ? Trahie. C'est le mot. Je sais que c'est fort pour un fournisseur d'électricité, mais c'est ce que je ressens. Quand j'ai reçu le mail annonçant la hausse de {hausse}, sans une explication, sans un geste pour les anciens, alors que sur le site il y avait une promo énorme pour les nouveaux clients… j'ai eu l'impression qu'on se moquait de moi. Comme un ami qui vous oublie dès qu'il a trouvé mieux.",
        "competitors": "J'ai regardé chez {concurrent}, évidemment. C'est moins cher. Mais je n'ai pas encore sauté le pas, parce que… je ne sais pas, une part de moi espère encore qu'ils vont se rattraper. C'est idiot, hein ?",
        "leave": "Je suis déjà à moitié partie, en vrai. Si je n'ai pas un signe d'ici l'échéance, je signe ailleurs. Mais s'ils me rappelaient, s'ils reconnaissaient qu'ils ont mal géré, je pourrais rester. Je ne demande pas grand-chose. Juste de la reconnaissance.",
        "advice": "Qu'ils se souviennent de qui les a fait vivre pendant toutes ces années. Les nouveaux clients, ils partiront au bout d'un an. Nous, on était là.",
    },
    "enslavement": {
        "history": "Je suis arrivé dans cet immeuble en {since} et la fibre c'était {marque}, point. Aucun autre opérateur n'est raccordé. Alors je n'ai pas choisi, j'ai signé parce qu'il fallait bien avoir internet pour travailler.",
        "feeling": "Je me sens captif. Voilà. Otage, même, les jours où ça coupe. Parce que quand ça ne marche pas, je ne peux pas menacer de partir, ils le savent très bien. Il n'y a pas d'alternative, donc il n'y a aucun rapport de force. Je paie et je me tais.",
        "competitors": "Mes amis chez {concurrent} ont des offres à 25 euros avec plein de trucs. Moi je paie presque le double pour moins. Mais je ne peux pas y aller, le réseau ne passe pas chez moi. J'ai même demandé au syndic, rien à faire.",
        "leave": "Dès qu'un autre opérateur arrive, je pars. Le jour même. Je ne réfléchirai même pas. Ça fait {years} ans que j'attends ça.",
        "advice": "Qu'ils ne confondent pas un client coincé avec un client satisfait. Dans leurs statistiques, je suis sûrement compté comme fidèle. Je ne le suis pas du tout.",
    },
    "dependency": {
        "history": "Oh, c'est mon mari qui avait tout mis en place, moi je ne m'occupais de rien. Depuis qu'il est décédé, il y a trois ans, c'est moi qui dois tout gérer, et vous savez, à {age} ans, l'informatique… Heureusement il y a la dame au téléphone, {agent}, elle est d'une patience !",
        "feeling": "Je ne sais pas comment je ferais sans eux, honnêtement. La box, c'est ce qui me permet de voir mes petits-enfants en vidéo le dimanche, ils sont à Montréal. Et la téléassistance est branchée dessus aussi. Alors quand ça ne marche plus, je panique, j'ai le cœur qui bat, je ne sais plus quoi faire.",
        "competitors": "Changer ? Oh non, je ne pourrais pas. Ma fille m'a dit que chez {concurrent} ce serait moins cher, mais il faudrait tout recommencer, les branchements, les codes… Non, non. Je suis habituée, on me connaît.",
        "leave": "Rien, je crois. Sauf si on me supprimait la possibilité de parler à quelqu'un au téléphone. Si c'est que des robots et des applications, là je serais perdue. Complètement perdue.",
        "advice": "De garder des vraies personnes au bout du fil. Des gens qui prennent le temps. Pour nous, les personnes âgées, c'est vital, vraiment vital.",
    },
    "rebound": {
        "history": "Je suis chez {marque} depuis l'an dernier. Avant j'étais chez {concurrent}, et ça a été un cauchemar : six mois de coupures, des factures fausses, et impossible de parler à un humain. Un jour j'ai craqué, je suis rentrée dans la première boutique que j'ai vue, c'était {marque}, et j'ai signé dans l'heure.",
        "feeling": "Soulagée. C'est surtout ça. Je ne dirais pas que je suis amoureuse de {marque}, hein, je les ai choisis un peu par défaut, pour fuir. Mais pour l'instant, ça marche, et quand j'appelle quelqu'un répond. Après ce que j'ai vécu, c'est déjà énorme.",
        "competitors": "Tout est mieux que {concurrent}, franchement. Rien que d'entendre leur nom j'ai des sueurs froides. Donc la comparaison, elle est vite faite.",
        "leave": "S'ils commencent à faire comme mon ancien fournisseur. Au premier signe, je repars. J'ai appris que je pouvais partir, maintenant, ça ne me fait plus peur.",
        "advice": "De rester simples. De répondre au téléphone. Ça paraît bête, mais c'est pour ça que les gens quittent les autres.",
    },
    "fling": {
        "history": "Franchement je suis chez {marque} depuis… cinq mois ? J'ai vu la pub pour la nouvelle box 8K avec le Wi-Fi 7 et le téléphone à un euro, j'ai craqué. Je change souvent, j'aime bien avoir le dernier truc, c'est un peu mon côté gamin.",
        "feeling": "C'est cool, c'est fun, la box est belle, l'appli est sympa. Mais c'est pas une histoire d'amour, hein ! C'est une aventure. Pour l'instant je m'éclate, et quand ce sera moins excitant, je passerai à autre chose.",
        "competitors": "{concurrent} va sortir une offre avec la console de jeux incluse, il paraît. Si c'est vrai, je pense que j'y vais. Sans rancune.",
        "leave": "Une meilleure promo, tout simplement. Ou un nouveau gadget. Je ne suis pas fidèle, je l'assume, les fournisseurs ne sont pas fidèles non plus avec nous.",
        "advice": "Surprenez-moi. Sortez des nouveautés tous les six mois, des bonus pour les clients actuels, pas que pour les nouveaux. Tant que c'est excitant, je reste.",
    },
    "kinship": {
        "history": "Alors chez nous, {marque}, c'est une histoire de famille. Mon grand-père avait déjà le contrat, ma mère l'a repris, et quand elle est décédée en {mois} dernier, j'ai repris la maison et tout ce qui allait avec. Je n'ai même pas réfléchi, c'était naturel.",
        "feeling": "C'est un peu comme un meuble de famille, vous voyez ? On ne l'a pas choisi, mais on y tient. Il y a de l'attachement, de la nostalgie. Quand j'ai appelé pour changer le nom sur le contrat, j'avais la gorge serrée, et la conseillère a été très délicate, ça m'a touché.",
        "competitors": "Je ne connais pas vraiment les autres. Mon fils me dit que {concurrent} c'est mieux, mais lui il n'a pas le même rapport aux choses. Pour moi, changer, ce serait un peu trahir ma mère, c'est bête.",
        "leave": "Je ne sais pas. Peut-être si les démarches de succession avaient été un enfer. Mais ça s'est bien passé, alors non.",
        "advice": "De se rappeler que derrière un changement de titulaire, il y a souvent un deuil. Et ça, ils l'ont plutôt bien compris avec moi.",
    },
    "business_partners": {
        "history": "Je suis client depuis {since}. Je suis développeur, donc j'ai tendance à regarder comment les choses sont faites, l'appli, le site, les parcours. Et j'ai pris l'habitude de leur envoyer des retours. Au début je pensais que ça partait à la poubelle, et puis un jour une de mes suggestions a été mise en place, l'export de la consommation.",
        "feeling": "Je me sens un peu… partenaire, oui. C'est le bon mot. J'ai l'impression de contribuer. Ils m'ont invité à un atelier clients l'an dernier, on était une douzaine, on a testé la nouvelle version de l'appli. C'était vraiment intéressant, j'avais l'impression d'être écouté.",
        "competitors": "Chez {concurrent}, quand on fait une suggestion, on reçoit un mail automatique et c'est tout. Là au moins il y a un dialogue. Le produit en soi n'est pas forcément meilleur, mais la relation est différente.",
        "leave": "Si j'avais l'impression de parler dans le vide. Si le panel disparaissait. Je suis exigeant, mais c'est parce que je veux que ça marche.",
        "advice": "Institutionnalisez le panel, faites des bêtas publiques, montrez aux clients ce qui a été fait grâce à eux. Les gens adorent ça.",
    },
    "courtship": {
        "history": "Je ne suis pas encore vraiment cliente, en fait. Enfin, si, depuis trois semaines, avec l'offre d'essai. J'étais chez {concurrent} depuis longtemps et je me suis dit, pourquoi pas regarder ailleurs. Le conseiller en boutique a été très convaincant, il a pris le temps.",
        "feeling": "C'est le début. On se découvre. Je suis attentive à tout, le moindre détail compte : est-ce que la facture est claire, est-ce qu'on me répond vite. Pour l'instant c'est plutôt positif, il y a un côté séduction, ils sont aux petits soins.",
        "competitors": "Avec {concurrent} c'était devenu une routine, un peu usée. Ici c'est nouveau, c'est frais. Mais je sais que les débuts sont toujours beaux, hein. On verra dans six mois.",
        "leave": "Si les promesses ne sont pas tenues. Si ce qu'on m'a dit en boutique ne correspond pas à ce que je reçois. Là, je retourne à mon ancien fournisseur sans hésiter.",
        "advice": "Que le service après la signature soit aussi bon que celui avant. C'est là qu'on voit si c'est sérieux.",
    },
    "enmity": {
        "history": "Je suis client depuis {since}, malheureusement. Et depuis l'année dernière c'est une guerre. Une facture de régularisation de 1 400 euros, pour un appartement de 40 mètres carrés. Je l'ai contestée, on m'a menacé de coupure, j'ai reçu des lettres de recouvrement. Une horreur.",
        "feeling": "De la haine. Je ne vais pas vous mentir. Quand je vois une de leurs pubs, je change de chaîne. Quand un ami me dit qu'il pense souscrire chez eux, je lui raconte tout. J'ai mis des avis partout, j'ai fait un thread qui a fait pas mal de bruit. Je veux que ça leur coûte.",
        "competitors": "N'importe qui. Vraiment, n'importe qui est mieux. Même {concurrent}, qui n'a pas bonne réputation, au moins ils ne m'ont jamais traité de fraudeur.",
        "leave": "Je pars dès que le litige est réglé. Le médiateur a été saisi. Après, plus jamais, ni moi ni personne de ma famille.",
        "advice": "Rien. Je n'ai rien à leur dire. Enfin si : qu'ils arrêtent de traiter leurs clients comme des délinquants.",
    },
    "childhood_friendship": {
        "history": "Oh, {marque}, c'est toute mon enfance. Mon premier téléphone portable, à quatorze ans, c'était un forfait bloqué {marque}, je me souviens de la petite carte à gratter pour recharger. Après je suis partie ailleurs pendant des années, et je suis revenue quand je me suis installée dans la maison de mes grands-parents.",
        "feeling": "C'est réconfortant. C'est une marque qui me rappelle des bons souvenirs, les vacances, les SMS à mes copines. Je ne les appelle presque jamais, mais quand je vois le logo, ça me fait sourire.",
        "competitors": "Objectivement, {concurrent} est peut-être un peu moins cher. Mais il n'y a pas cette histoire. Je ne sais pas l'expliquer autrement.",
        "leave": "Pas grand-chose, je crois. Sauf s'ils changeaient complètement, le nom, le logo… là ce ne serait plus vraiment eux.",
        "advice": "Ne perdez pas votre identité. Il y a des gens comme moi qui sont attachés à ce que vous étiez.",
    },
    "basic_exchange": {
        "history": "Je suis chez {marque} depuis {since} parce qu'à l'époque j'ai fait un comparateur et c'étaient les moins chers pour mon profil. Point. Je ne suis pas sentimental avec ces choses-là.",
        "feeling": "C'est un contrat. Je paie, ils fournissent. Si le prix est juste et que l'électricité arrive dans les prises, je suis content. Je n'ai pas besoin qu'on me souhaite mon anniversaire par SMS.",
        "competitors": "Tous les ans je refais le comparatif. {concurrent} est à deux ou trois euros près. Tant que l'écart est petit, je ne bouge pas, parce que changer c'est du temps aussi.",
        "leave": "Un écart de prix significatif. Ou un service qui se dégrade. Disons plus de dix pour cent d'écart, et je pars.",
        "advice": "Des factures claires, des prix honnêtes, pas de frais cachés. C'est tout ce qu'on demande.",
    },
}

# ---------------------------------------------------------------------------
# Fictional people and places
# ---------------------------------------------------------------------------
FIRST_F = ["Élodie", "Nathalie", "Sandrine", "Chantal", "Monique", "Camille", "Inès", "Sophie", "Fatima", "Aurélie", "Josiane", "Léa", "Martine", "Yasmina", "Brigitte", "Céline", "Océane", "Françoise", "Nadia", "Agnès"]
FIRST_M = ["Thierry", "Julien", "Karim", "Bernard", "Mathieu", "Lucas", "Patrick", "Jean-Pierre", "Mehdi", "Olivier", "Gérard", "Antoine", "Rachid", "Sébastien", "Hugo", "Didier", "Marc", "Yann", "Romain", "Alain"]
LAST = ["Morvan", "Lebrun-Castel", "Perrichon", "Deschamps", "Ollivier", "Benaïssa", "Garnier-Roux", "Tessier", "Vautrin", "Chabrol", "Le Goff", "Marchetti", "Ferrand", "Boudjema", "Lacombe", "Pelletier", "Rivoallan", "Dumoulin", "Castagné", "Jolivet", "Sarrazin", "Quéré", "Audouin", "Mazeau"]
AGENTS = ["Sarah", "Kevin", "Maëlle", "Yanis", "Sylvie", "Thomas", "Amandine", "Nordine", "Laetitia", "Bastien"]
CITIES = ["Nantes", "Lille", "Rennes", "Toulouse", "Grenoble", "Dijon", "Limoges", "Brest", "Metz", "Perpignan", "Angers", "Clermont-Ferrand", "Tours", "Pau", "Rouen", "Besançon"]
REGIONS = ["Bretagne", "Pays de la Loire", "Hauts-de-France", "Occitanie", "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Nouvelle-Aquitaine", "Grand Est", "Normandie", "Île-de-France", "Provence-Alpes-Côte d'Azur", "Centre-Val de Loire", "Corse"]
STREETS = ["rue des Tilleuls", "allée des Glycines", "avenue du Général Mérand", "impasse des Mésanges", "boulevard Armand-Lefèvre", "rue du Moulin-Brûlé", "chemin de la Croix-Verte", "place des Cordiers", "rue Émile-Vasseur", "quai des Bateliers"]

# ---------------------------------------------------------------------------
# Contact-reason cases for calls: (what the client says, agent's reformulation, agent's solution).
# Their first elements replace REASONS[...]["detail"] so that calls stay coherent.
# ---------------------------------------------------------------------------
CASES = {
    "billing": [
        ("Ma facture de {mois} s'élève à {montant} alors que je paie d'habitude {montant_habituel}, sans aucun changement de consommation.",
         "Si je comprends bien, votre facture de {mois} est de {montant} au lieu de {montant_habituel} habituellement, sans changement de vos habitudes, c'est bien ça ?",
         "Je vois une erreur d'index sur le relevé de {mois} : l'index estimé est bien au-dessus du réel. Je lance une facture rectificative, vous la recevrez sous cinq jours ouvrés."),
        ("Je reçois une facture de régularisation de {montant} que je ne comprends pas du tout, mon relevé de compteur a pourtant été transmis.",
         "D'accord, vous avez reçu une facture de régularisation de {montant} malgré la transmission de votre relevé.",
         "Votre relevé est bien arrivé mais deux jours après la date limite, le calcul s'est fait sur une estimation. Je le réintègre et je recalcule, la régularisation va fortement baisser."),
        ("Vous m'avez facturé deux fois l'abonnement box ce mois-ci, une fois le 3 et une fois le 17.",
         "Je résume : l'abonnement box a été prélevé deux fois ce mois-ci, le 3 et le 17.",
         "Effectivement, je vois le doublon. Le deuxième prélèvement sera remboursé sous sept jours sur votre compte."),
        ("Sur la facture n° F-{facture} apparaît une option « Sécurité Plus » que je n'ai jamais demandée.",
         "D'accord, donc l'option Sécurité Plus apparaît sur votre facture alors que vous ne l'avez pas souscrite.",
         "J'ai retiré l'option et je vous crédite les trois mois facturés sur la prochaine facture."),
        ("Ma facture est calculée sur une estimation alors que le compteur communique tout seul, le montant de {montant} est délirant.",
         "Vous me dites que la facture est estimée alors que votre compteur est communicant, et que le montant de {montant} ne correspond pas.",
         "Le compteur n'a pas transmis depuis deux mois, c'est pour ça. Je demande une relève à distance et je bloque la facture en attendant."),
        ("Les frais de mise en service de 49 € devaient être offerts d'après le vendeur, et ils sont pourtant sur ma facture.",
         "Si je comprends bien, les 49 € de frais de mise en service vous ont été facturés alors qu'on vous les avait annoncés offerts.",
         "Je vois la mention de l'offre dans votre dossier, je vous rembourse les 49 € en avoir sur la prochaine facture."),
        ("J'ai reçu deux factures différentes pour le même mois, une sur l'application et une par courrier, et elles n'ont pas le même montant.",
         "Vous avez donc deux factures différentes pour le même mois, selon l'application ou le courrier.",
         "La facture papier est l'ancienne version, elle a été annulée et remplacée par celle de l'application. Je vous envoie l'annulation par écrit."),
    ],
    "payment": [
        ("Mon prélèvement a été rejeté ce mois-ci parce que j'ai changé de banque, voici mon nouvel IBAN : {iban}.",
         "Vous souhaitez donc mettre à jour vos coordonnées bancaires suite au rejet du prélèvement, c'est bien cela ?",
         "J'ai enregistré le nouveau mandat de prélèvement, il sera actif dès la prochaine échéance, et je ne vous compte pas de frais de rejet."),
        ("Je voudrais payer par carte la facture en retard, mais le paiement en ligne échoue à chaque fois avec ma carte {carte}.",
         "Si je comprends bien, le paiement par carte échoue sur le site pour votre facture en retard.",
         "Je peux prendre le paiement par téléphone de façon sécurisée, je vous transfère sur le serveur de paiement, vous taperez vous-même les chiffres."),
        ("Je souhaite étaler le paiement de la régularisation de {montant} en plusieurs fois, je ne peux pas tout payer d'un coup.",
         "Je reformule : vous aimeriez régler la régularisation de {montant} en plusieurs fois.",
         "Je vous mets en place un échéancier en quatre fois sans frais, vous recevez le détail par e-mail."),
        ("J'ai reçu une relance avec 10 € de frais alors que le virement est parti le {jour}, j'ai la preuve.",
         "Vous avez reçu une relance avec des frais alors que votre virement du {jour} était parti, c'est ça ?",
         "Je vois le virement, il est arrivé avec deux jours de décalage. J'annule les frais de relance, c'est fait."),
        ("Je voudrais changer la date de prélèvement du 5 au 15 du mois, je suis payé{e} le 10.",
         "Vous voulez décaler la date de prélèvement au 15 du mois.",
         "C'est modifié, le prochain prélèvement aura lieu le 15."),
        ("Je voudrais payer avec mon chèque énergie mais le site me dit que le numéro est invalide.",
         "D'accord, le site refuse le numéro de votre chèque énergie.",
         "Je l'enregistre manuellement depuis mon poste, il sera déduit de votre prochaine facture de gaz."),
    ],
    "refund": [
        ("J'attends toujours le remboursement de mon trop-perçu de {montant}, promis depuis {delai}.",
         "Vous attendez le remboursement de votre trop-perçu de {montant} depuis {delai}, c'est bien ça ?",
         "Le virement a été bloqué parce que l'IBAN enregistré était l'ancien. Je le corrige et je relance le virement en priorité, sous dix jours ouvrés."),
        ("Ma facture de clôture indique que vous me devez {montant}, et je n'ai toujours rien reçu sur mon compte.",
         "Donc votre facture de clôture est créditrice de {montant} et le remboursement n'est pas arrivé.",
         "Je déclenche le remboursement manuellement aujourd'hui, vous recevrez un e-mail de confirmation."),
        ("J'ai renvoyé la box en recommandé il y a {delai} et on me facture encore la caution de 150 €, je veux être remboursé{e}.",
         "Si je comprends bien, la caution de la box ne vous a pas été restituée après le retour du matériel.",
         "Le retour a bien été réceptionné, je déclenche le remboursement de la caution de 150 € aujourd'hui."),
        ("Le geste commercial de 30 € annoncé au téléphone n'apparaît nulle part.",
         "Vous me dites qu'un geste commercial de 30 € vous a été promis et qu'il n'a pas été appliqué.",
         "Je retrouve la note de mon collègue, le geste n'avait pas été validé. Je le valide maintenant, 30 € sur votre prochaine facture."),
        ("Vous m'aviez promis un avoir après la panne de dix jours, je ne vois rien venir.",
         "Je reformule : un avoir vous a été annoncé suite à la coupure de dix jours, et vous ne l'avez pas reçu.",
         "Je vous applique l'indemnisation prévue aux conditions générales, soit un tiers de l'abonnement mensuel, plus un geste de 20 €."),
    ],
    "delivery": [
        ("Ma commande {commande} devait être livrée le {jour}, le suivi indique « livré » mais je n'ai rien reçu.",
         "Je comprends, votre commande {commande} apparaît comme livrée mais vous ne l'avez pas reçue.",
         "J'ouvre une enquête auprès du transporteur et je vous renvoie un colis en express si rien n'est retrouvé sous 48 heures."),
        ("Le livreur est passé pendant que j'étais là, il n'a même pas sonné et a laissé un avis de passage.",
         "D'accord, le livreur a laissé un avis de passage sans sonner alors que vous étiez chez vous.",
         "Je fais une réclamation auprès du transporteur et je programme une nouvelle livraison demain, avec un appel du livreur avant son passage."),
        ("Le colis avec le nouveau smartphone est bloqué au dépôt depuis {delai}.",
         "Votre colis est bloqué au dépôt du transporteur depuis {delai}, c'est ça ?",
         "Le colis avait une étiquette illisible. Le dépôt le réexpédie aujourd'hui, vous aurez un nouveau numéro de suivi par SMS."),
        ("Le technicien pour le raccordement fibre ne s'est pas présenté au rendez-vous, j'avais pris ma journée.",
         "Si je résume, le technicien n'est pas venu au rendez-vous de raccordement.",
         "Je vous propose un nouveau rendez-vous jeudi entre 8 h et 12 h en créneau prioritaire, et je vous applique un dédommagement pour le rendez-vous manqué."),
        ("On m'a livré la box dans un carton ouvert et il manquait le câble d'alimentation.",
         "Donc la box est arrivée dans un carton ouvert et sans son câble d'alimentation.",
         "Je vous envoie le câble manquant en lettre suivie dès aujourd'hui et je signale le colis endommagé."),
        ("Le relais colis de {ville} me dit qu'il n'a jamais reçu mon paquet.",
         "Votre relais colis à {ville} n'a pas reçu le paquet, c'est bien ça ?",
         "Le colis a été déposé dans un autre relais par erreur. Je vous donne l'adresse, ou je le fais rediriger vers chez vous si vous préférez."),
    ],
    "order": [
        ("Je voudrais commander le répéteur Wi-Fi et un deuxième décodeur TV, mais le site plante au moment de valider.",
         "Si je comprends bien, vous n'arrivez pas à finaliser votre commande de répéteur et de décodeur sur le site.",
         "Je passe la commande directement depuis mon poste, vous recevez la confirmation par e-mail dans quelques minutes."),
        ("J'ai passé commande du forfait {offre} en boutique et je n'ai reçu aucune confirmation.",
         "Vous avez souscrit {offre} en boutique et vous n'avez pas eu de confirmation.",
         "Je vois la commande, elle est en attente de validation de la pièce d'identité. Je la valide, la confirmation part maintenant."),
        ("Je souhaite modifier ma commande {commande} : je voulais le modèle 256 Go et pas le 128 Go.",
         "Vous souhaitez modifier votre commande {commande} pour le modèle 256 Go, c'est bien ça ?",
         "La commande n'était pas encore préparée, j'ai pu la modifier. La différence de prix sera ajoutée sur votre facture."),
        ("Ma commande {commande} a été annulée sans explication alors que le paiement est passé.",
         "Votre commande {commande} a été annulée alors que le paiement a été débité.",
         "L'annulation vient d'un contrôle de paiement automatique. Je relance la commande sans frais et je mets la livraison en express."),
        ("Je veux commander la borne de recharge pour ma voiture avec l'installation, comment faut-il faire ?",
         "Vous souhaitez commander la borne de recharge avec la pose.",
         "Je crée la commande et un électricien partenaire vous appellera sous 72 heures pour la visite technique."),
    ],
    "product_defect": [
        ("Ma box redémarre toute seule plusieurs fois par jour et la connexion coupe en pleine visio.",
         "D'accord, votre box redémarre toute seule et la connexion coupe, ça arrive plusieurs fois par jour ?",
         "Je fais un test de ligne à distance. Je vois des erreurs de synchronisation, je vous envoie une box de remplacement en express."),
        ("Le décodeur TV affiche un écran noir depuis la dernière mise à jour.",
         "Je résume : le décodeur reste sur un écran noir depuis la mise à jour.",
         "Je lance une réinitialisation à distance du décodeur, ça prend cinq minutes, restez en ligne."),
        ("Le smartphone acheté chez vous il y a deux mois ne charge plus du tout.",
         "Votre smartphone acheté il y a deux mois ne charge plus.",
         "Il est sous garantie, je vous crée un bon de retour prépayé et un prêt de mobile en boutique."),
        ("Le compteur affiche une consommation alors que la maison est vide et tout est débranché.",
         "Vous constatez une consommation sur le compteur alors que tout est débranché.",
         "Je demande une vérification du compteur par le gestionnaire de réseau, l'intervention est gratuite si le compteur est en cause."),
        ("Le Wi-Fi ne passe plus à l'étage, alors que tout fonctionnait avant le changement de box.",
         "Depuis le changement de box, le Wi-Fi ne passe plus à l'étage, c'est ça ?",
         "Je change le canal Wi-Fi à distance et je vous envoie un répéteur gratuitement."),
        ("La fibre coupe tous les soirs vers 21 heures depuis {delai}.",
         "La connexion fibre coupe tous les soirs vers 21 heures, depuis {delai}.",
         "Je vois un incident sur le point de mutualisation de votre quartier. J'ouvre un ticket prioritaire auprès de l'équipe réseau, un technicien interviendra sous 72 heures."),
    ],
    "account_access": [
        ("Je n'arrive plus à me connecter à mon espace client, le code de vérification n'arrive jamais par SMS.",
         "Vous n'arrivez donc plus à accéder à votre espace client parce que le code SMS n'arrive pas, c'est ça ?",
         "Le numéro enregistré était l'ancien. Je le mets à jour, vous allez recevoir le code maintenant."),
        ("Mon compte est bloqué après trois essais de mot de passe et la réinitialisation renvoie vers une page d'erreur.",
         "Si je comprends bien, votre compte est bloqué après plusieurs tentatives et la réinitialisation ne fonctionne pas.",
         "Je débloque votre compte et je vous envoie un lien de réinitialisation par e-mail, il est valable 24 heures."),
        ("Je ne retrouve pas mon identifiant, j'ai changé d'adresse e-mail entre-temps.",
         "Vous avez perdu votre identifiant suite à votre changement d'adresse e-mail.",
         "J'ai mis à jour votre adresse e-mail, ce sera désormais votre identifiant."),
        ("L'application me déconnecte à chaque ouverture depuis la mise à jour.",
         "L'application vous déconnecte à chaque ouverture depuis la dernière mise à jour.",
         "C'est un problème connu, un correctif sort cette semaine. En attendant, il faut désinstaller et réinstaller l'application."),
        ("Je voudrais donner accès à mon compte à mon fils, qui s'occupe de mes papiers, mais je ne sais pas comment faire.",
         "Vous souhaitez que votre fils puisse accéder à votre compte pour vous aider.",
         "Je crée une procuration : votre fils recevra une invitation par e-mail et aura son propre accès."),
    ],
    "subscription_change": [
        ("Je souhaite passer de l'offre Essentielle à {offre}, pouvez-vous me dire ce que ça change sur ma mensualité ?",
         "Vous souhaitez passer à l'offre {offre}, je vérifie votre éligibilité et le nouveau montant.",
         "C'est fait, le changement d'offre prendra effet au début du prochain cycle de facturation."),
        ("Je voudrais ajouter une ligne mobile pour ma fille sur mon compte.",
         "Vous souhaitez ajouter une ligne mobile à votre compte pour votre fille.",
         "La nouvelle ligne est créée avec la remise multi-lignes, la carte SIM part aujourd'hui par courrier."),
        ("Je déménage à {ville} le mois prochain et je veux transférer l'électricité et la box à la nouvelle adresse.",
         "Je note donc un déménagement à {ville}, avec transfert de l'énergie et de la box.",
         "Je programme le transfert pour la date de votre emménagement, sans frais de mise en service."),
        ("Je voudrais passer en option heures creuses maintenant que j'ai une voiture électrique.",
         "Vous voulez passer en heures creuses pour recharger votre voiture.",
         "C'est enregistré, le changement sera effectif sous 48 heures, le temps que le compteur soit reprogrammé."),
        ("Je souhaite baisser mon forfait mobile, je n'utilise jamais plus de 10 Go.",
         "Vous souhaitez un forfait mobile plus petit, adapté à votre consommation.",
         "Je vous passe sur le forfait 20 Go, vous économisez 8 € par mois, sans réengagement."),
        ("Je veux mettre le contrat au nom de mon conjoint.",
         "Vous souhaitez un changement de titulaire au profit de votre conjoint.",
         "Je vous envoie le formulaire de changement de titulaire, il faudra les deux signatures."),
    ],
    "cancellation": [
        ("Je souhaite résilier mon contrat {contrat} avec effet immédiat.",
         "Vous souhaitez donc résilier votre contrat {contrat}, puis-je vous demander la raison ?",
         "J'enregistre la résiliation, vous recevrez la confirmation et la facture de clôture par e-mail."),
        ("Je veux résilier la box, je pars à l'étranger pour deux ans.",
         "Vous résiliez la box pour un départ à l'étranger.",
         "Sur justificatif de départ, les frais de résiliation sont annulés. Je vous envoie l'étiquette pour renvoyer la box."),
        ("Je vous informe que je vais résilier l'ensemble de mes contrats à la fin du mois.",
         "Je comprends que vous envisagez de nous quitter, est-ce qu'il y a quelque chose que je peux faire pour vous retenir ?",
         "Avant de valider, je peux vous proposer trois mois à moitié prix si vous restez."),
        ("On me demande 180 € de frais de résiliation anticipée, je refuse de payer ça.",
         "Vous contestez les 180 € de frais de résiliation anticipée.",
         "Les frais correspondent aux mois restants de l'engagement, mais je peux les ramener à 60 € au titre d'un geste commercial."),
        ("J'ai envoyé ma demande de résiliation il y a {delai} et je suis toujours prélevé{e}.",
         "Votre résiliation demandée il y a {delai} n'a pas été prise en compte et les prélèvements continuent.",
         "Je vois que la demande n'a pas été traitée, je la passe en urgence, je bloque les prélèvements et vous serez remboursé{e} du trop-payé."),
    ],
    "price": [
        ("Mon abonnement augmente de {hausse} au 1er du mois, je l'ai appris par un simple e-mail.",
         "Je comprends, c'est l'augmentation de {hausse} de votre abonnement qui vous pose problème.",
         "Je ne peux pas annuler la hausse, mais je peux vous accorder une remise fidélité de 5 € par mois pendant un an."),
        ("{concurrent} propose la même offre pour 12 € de moins par mois, pourquoi pas vous ?",
         "Vous avez vu une offre moins chère chez {concurrent} et vous voudriez qu'on s'aligne, c'est ça ?",
         "Je ne peux pas m'aligner exactement, mais en passant sur l'offre {offre} vous économisez 9 € par mois."),
        ("Le prix du kWh a encore augmenté, ma mensualité passe de {montant_habituel} à {montant}.",
         "Votre mensualité passe de {montant_habituel} à {montant} avec la hausse du kWh.",
         "Je peux vous orienter vers une offre à prix fixe sur deux ans, qui vous protège des prochaines hausses."),
        ("Les nouveaux clients ont droit à des prix cassés et les anciens paient plein pot.",
         "Vous trouvez injuste que les nouveaux clients aient de meilleurs tarifs que vous.",
         "Je vous fais bénéficier du même tarif que l'offre de bienvenue pendant douze mois, c'est possible pour les clients de plus de cinq ans."),
        ("Le prix de la box après les douze premiers mois a quasiment doublé.",
         "Le prix de votre box a fortement augmenté à la fin de la promotion de la première année.",
         "Je vous propose l'offre Fibre Essentielle, au même débit pour votre usage, à 10 € de moins."),
    ],
    "contact_difficulty": [
        ("C'est la {nieme} fois que j'appelle et je tombe systématiquement sur le répondeur après 40 minutes d'attente.",
         "Je suis désolée pour l'attente, vous avez essayé de nous joindre plusieurs fois sans succès, c'est bien cela ?",
         "Je vous donne une ligne directe pour votre dossier et je vous rappelle moi-même jeudi."),
        ("Le chat en ligne se ferme tout seul dès que je demande un conseiller humain.",
         "Le chat se ferme quand vous demandez à parler à un conseiller.",
         "Je remonte le dysfonctionnement au service technique, et je prends votre demande maintenant."),
        ("J'ai envoyé quatre e-mails depuis {delai} et je n'ai eu que des réponses automatiques.",
         "Vous nous avez écrit à plusieurs reprises et vous n'avez reçu que des réponses automatiques.",
         "Je retrouve vos quatre messages, ils ont été classés dans la mauvaise file. Je reprends le dossier personnellement."),
        ("On m'a promis d'être rappelé{e} sous 48 heures, ça fait {delai} que j'attends.",
         "Je comprends que vous n'avez pas été rappelé{e} comme prévu.",
         "Je note dans votre dossier que vous souhaitez être recontacté{e} par téléphone, et je reste votre interlocutrice jusqu'à la résolution."),
        ("Votre serveur vocal me renvoie toujours au menu principal, impossible de parler à quelqu'un.",
         "Le serveur vocal vous renvoyait au menu sans vous mettre en relation.",
         "Je vous donne le raccourci : touche 3 puis 0. Et je traite votre demande tout de suite."),
    ],
    "agent_behaviour": [
        ("La conseillère que j'ai eue hier m'a raccroché au nez quand j'ai demandé un responsable.",
         "Je suis vraiment navrée, vous me dites que la conseillère a raccroché quand vous avez demandé un responsable.",
         "Je fais remonter votre réclamation au responsable d'équipe, ce n'est pas la façon dont nous souhaitons traiter nos clients."),
        ("Le vendeur de la boutique de {ville} m'a parlé comme à un enfant et m'a vendu une option inutile.",
         "Si je comprends bien, vous n'avez pas été bien reçu{e} en boutique et on vous a vendu une option dont vous n'aviez pas besoin.",
         "Je vous présente nos excuses au nom de l'entreprise, je retire l'option et je transmets au manager de la boutique."),
        ("Votre conseiller m'a promis un geste commercial puis l'a nié quand j'ai rappelé.",
         "Un geste commercial vous a été promis et on vous a ensuite dit le contraire.",
         "Je retrouve bien la promesse dans l'historique de l'appel. J'applique le geste et je fais un retour au manager."),
        ("Le technicien a été désagréable, a laissé des câbles partout et est reparti sans rien expliquer.",
         "Le technicien a été désagréable et a laissé l'installation en désordre.",
         "Je signale l'intervention au sous-traitant et je vous propose un passage gratuit pour terminer proprement."),
        ("On m'a répondu sur un ton sec et méprisant, comme si je dérangeais.",
         "Vous avez eu le sentiment d'être mal reçu{e} lors de votre dernier appel.",
         "Je vous présente nos excuses, je fais remonter l'appel pour qu'il soit réécouté par l'équipe qualité."),
    ],
    "information_request": [
        ("Je voudrais savoir si la fibre est disponible au {adresse}.",
         "Vous voulez savoir si la fibre est disponible à votre adresse, je lance le test d'éligibilité.",
         "Bonne nouvelle, votre adresse est éligible à la fibre, le raccordement est possible sous trois semaines."),
        ("Pouvez-vous m'expliquer la différence entre l'offre à prix fixe et l'offre indexée ?",
         "Vous souhaitez comprendre la différence entre le prix fixe et le prix indexé.",
         "Avec le prix fixe, le prix du kWh hors taxes ne bouge pas pendant deux ans ; avec l'indexé, il suit le tarif réglementé, à la hausse comme à la baisse."),
        ("Est-ce que le chèque énergie est accepté pour payer mes factures de gaz ?",
         "Vous voulez savoir si vous pouvez utiliser le chèque énergie pour le gaz.",
         "Oui, le chèque énergie est accepté, vous pouvez l'envoyer par courrier ou le saisir en ligne."),
        ("Je voudrais connaître la date de fin de mon engagement sur le contrat {contrat}.",
         "Vous souhaitez connaître la date de fin d'engagement du contrat {contrat}, je regarde.",
         "Votre engagement se termine le 30 juin, après cette date vous êtes libre sans frais."),
        ("Comment fonctionne exactement l'option Heures Creuses Plus le week-end ?",
         "Vous avez une question sur le fonctionnement de l'option Heures Creuses Plus le week-end.",
         "Le week-end, toutes les heures sont au tarif heures creuses, du samedi 0 h au dimanche 23 h 59."),
        ("Quelle est la procédure pour transmettre mon relevé de compteur moi-même ?",
         "Vous voulez savoir comment transmettre vous-même votre relevé.",
         "Vous pouvez le faire dans l'application, rubrique « Ma consommation », ou par SMS au numéro indiqué sur votre facture."),
    ],
    "compliment": [
        ("Je tenais à remercier {agent}, qui a réglé mon problème en dix minutes avec beaucoup de patience.",
         "Oh, merci beaucoup, ça fait plaisir d'entendre ça ! Vous appelez pour remercier {agent}, c'est bien ça ?",
         "Je transmets votre message à son responsable, ça va lui faire très plaisir."),
        ("Le technicien venu lundi a été parfait : ponctuel, soigneux, et il a pris le temps de tout m'expliquer.",
         "C'est très gentil de prendre le temps de nous le dire, pour le technicien de lundi.",
         "Je note votre retour dans le dossier, il sera partagé avec l'équipe d'intervention."),
        ("Bravo pour la nouvelle application, enfin on voit sa consommation jour par jour.",
         "Merci, l'équipe de l'application sera contente, c'est une nouveauté de ce mois-ci.",
         "Je fais remonter votre avis, et si vous le souhaitez vous pouvez aussi le laisser dans la boutique d'applications."),
        ("Je voulais vous dire que l'accueil à la boutique de {ville} est toujours excellent.",
         "Merci pour ce retour sur la boutique de {ville} !",
         "Je transmets au responsable de la boutique, ça va faire plaisir à toute l'équipe."),
        ("Votre service client m'a rappelé{e} comme promis, à l'heure dite, ça mérite d'être souligné.",
         "C'est gentil, vous appelez pour nous dire que le rappel a été fait à l'heure.",
         "Je le note dans votre dossier, merci de votre fidélité."),
    ],
}
for _r, _cases in CASES.items():
    REASONS[_r]["detail"] = [c[0] for c in _cases]

# ---------------------------------------------------------------------------
# More variety: extra intros and survey one-liners per form
# ---------------------------------------------------------------------------
_MORE = {
    "committed_partnership": {
        "intro": ["Je suis abonné{e} depuis l'ouverture de la boutique de {ville}, j'étais même venu{e} à l'inauguration.",
                  "Après {years} ans, je n'imagine pas confier ma maison à quelqu'un d'autre."],
        "short": ["{years} ans chez vous, jamais déçu{e}, je reste.", "Confiance totale depuis {since}, merci pour la constance.",
                  "Un fournisseur sérieux, on y est, on y reste.", "Client{e} fidèle, j'ai tout regroupé chez vous et je ne le regrette pas."],
    },
    "best_friendship": {
        "intro": ["La dernière fois, votre conseillère m'a appelé{e} d'elle-même pour me dire qu'une offre moins chère existait, qui fait ça ?"],
        "short": ["Ils m'ont appelé{e} pour me dire que je payais trop, c'est ça l'honnêteté !", "Une équipe en or, on se parle comme des amis.",
                  "Toujours franc et chaleureux, je me sens chez moi en boutique."],
    },
    "fling": {
        "intro": ["J'ai pris votre box pour la 4K et la nouvelle télécommande vocale, c'est un peu un caprice je l'avoue."],
        "short": ["Box toute neuve trop stylée, je verrai l'an prochain.", "Je zappe d'opérateur comme de série, vous êtes le dernier en date.",
                  "Offre de bienvenue canon, après on verra.", "Changé pour la promo, je rechangerai pour la prochaine lol"],
    },
    "enmity": {
        "intro": ["J'ai mis une étoile partout où je pouvais, et encore c'est trop."],
        "short": ["Une étoile c'est déjà trop pour vous.", "Je déconseille {marque} à toute personne que je croise.",
                  "Boîte de requins, je vous le ferai payer en mauvaise pub.", "Plus jamais. PLUS JAMAIS."],
    },
    "adversaries": {
        "intro": ["Je vous adresse cette réclamation écrite en application de la procédure prévue à vos conditions générales."],
        "short": ["Réclamation écrite restée sans effet, j'engage la procédure.", "Le médiateur tranchera puisque vous refusez de le faire."],
    },
    "dependency": {
        "intro": ["Mes enfants habitent loin, alors quand j'ai un souci avec la box c'est vous que j'appelle, vous êtes un peu ma famille."],
        "short": ["Sans la dame du téléphone je serais perdue, elle m'a tout expliqué.", "Coupure de box = plus de téléassistance, j'ai paniqué.",
                  "Je ne saurais pas faire sans vous, vraiment."],
    },
    "courtship": {
        "intro": ["On m'a parlé de vous au travail, alors je fais un essai avant de tout transférer."],
        "short": ["Premier mois prometteur, on verra si ça dure.", "Je découvre, pour l'instant bonne impression.",
                  "Période d'essai : vous êtes sur la bonne voie, convainquez-moi."],
    },
    "enslavement": {
        "intro": ["Dans la résidence, le contrat d'énergie est lié au chauffage collectif, je ne peux pas en changer même si je le voulais."],
        "short": ["Seul opérateur dispo chez moi, donc aucun effort de votre part.", "Je paie parce que je n'ai pas d'alternative, c'est tout.",
                  "Fin d'engagement dans 14 mois, j'ai coché la date."],
    },
    "marriage_of_convenience": {
        "intro": ["J'ai souscrit chez vous parce que c'était proposé avec le bail, et je n'ai jamais pris le temps de changer."],
        "short": ["Chez vous par habitude, pas par choix.", "Ça tombait bien au moment du déménagement, je n'ai pas changé depuis.",
                  "Pratique, sans plus, pas de raison de changer."],
    },
    "rebound": {
        "intro": ["Après l'enfer chez {concurrent}, j'avais juste besoin d'un fournisseur qui réponde au téléphone."],
        "short": ["Fui {concurrent}, atterri chez vous, pour l'instant c'est le paradis à côté.", "Tout plutôt que mon ancien fournisseur.",
                  "Arrivé{e} chez vous pour fuir {concurrent}, pas déçu{e} du changement."],
    },
    "casual_friends": {
        "intro": ["Je ne pense pas souvent à vous, c'est plutôt bon signe."],
        "short": ["Rien de spécial à dire, ça tourne.", "On se croise une fois par an, ça me va.", "Service ok, contacts rares."],
    },
    "basic_exchange": {
        "intro": ["Je ne demande pas de cadeaux, je demande que la facture corresponde au contrat."],
        "short": ["Le service correspond au prix payé, ni plus ni moins.", "Moins cher que les autres au moment où j'ai signé, ça me suffit.",
                  "Facture conforme = client content."],
    },
    "business_partners": {
        "intro": ["Je vous ai déjà envoyé deux suggestions l'an dernier, dont une a été reprise, alors je recommence."],
        "short": ["Proposition : un mode « absence » dans l'appli pour couper le chauffage à distance.", "Beaucoup de potentiel, je veux bien participer à vos tests.",
                  "Idée d'amélioration : afficher le délai d'attente réel au téléphone."],
    },
    "ex_friends": {
        "intro": ["Je me souviens d'une époque où on m'appelait pour me souhaiter bonne année, maintenant je ne suis plus qu'un numéro."],
        "short": ["Vous étiez formidables avant, qu'est-ce qui s'est passé ?", "{years} ans de fidélité effacés par une hausse, ça fait mal.",
                  "J'aimais cette marque, je me sens lâché{e}.", "Déçu{e} après tant d'années, mais prêt{e} à revenir si vous faites un geste."],
    },
    "kinship": {
        "intro": ["Ma grand-mère disait toujours « chez {marque} on est bien servi », alors on est resté{e}s dans la famille."],
        "short": ["Contrat de famille, on est chez vous depuis trois générations.", "J'ai gardé le fournisseur de mes parents, par fidélité familiale."],
    },
}
for _f, _d in _MORE.items():
    for _k, _v in _d.items():
        FORMS[_f][_k] = FORMS[_f][_k] + _v

for _r, _v in {
    "billing": ["Facture plus élevée qu'annoncé.", "Erreur de facture corrigée rapidement.", "Je ne comprends pas ma facture."],
    "payment": ["Échéancier accordé sans difficulté.", "Problème de prélèvement.", "Paiement CB refusé sur le site."],
    "refund": ["Remboursement reçu après relance.", "Toujours pas remboursé{e}."],
    "delivery": ["Livraison rapide de la box.", "Box livrée sans câble.", "Rdv technicien reporté deux fois."],
    "order": ["Commande passée en boutique sans souci.", "Commande bloquée plusieurs jours."],
    "product_defect": ["Wi-Fi faible à l'étage.", "Panne de box réglée par échange.", "Compteur qui tourne tout seul ?"],
    "account_access": ["Espace client inaccessible.", "Appli qui plante à la connexion."],
    "subscription_change": ["Changement d'offre rapide.", "Ligne supplémentaire ajoutée facilement."],
    "cancellation": ["Résiliation compliquée.", "Menace de résiliation si rien ne change."],
    "price": ["Prix en hausse constante.", "Tarif correct pour le service."],
    "contact_difficulty": ["Attente interminable au 39xx.", "Serveur vocal infernal."],
    "agent_behaviour": ["Conseiller impoli.", "On m'a raccroché au nez."],
    "information_request": ["Conseiller clair sur les offres.", "Bonne explication du prix fixe."],
    "compliment": ["Bravo au technicien.", "Conseiller très pro et souriant."],
}.items():
    REASONS[_r]["short"] = REASONS[_r]["short"] + _v

# ---------------------------------------------------------------------------
# Call episodes: a few extra turns typical of a relationship form ('A' agent, 'C' client)
# ---------------------------------------------------------------------------
CALL_EPISODES = {
    "dependency": [
        [("A", "Vous voyez la box devant vous ? Il y a une petite lumière à l'avant, de quelle couleur est-elle ?"),
         ("C", "Attendez, je mets mes lunettes… Elle est orange. Non, rouge. Enfin, entre les deux."),
         ("A", "D'accord, ce n'est pas grave. On va la redémarrer ensemble, je reste avec vous."),
         ("C", "Oh merci, vous êtes gentille, toute seule je n'y arrive pas.")],
        [("C", "Vous savez, depuis que mon mari n'est plus là, c'est lui qui faisait tout ça, je suis complètement perdue."),
         ("A", "Je comprends, on va le faire ensemble, pas à pas, prenez votre temps."),
         ("C", "Vous pourrez me rappeler demain pour vérifier que ça marche ?"),
         ("A", "Oui, je vous programme un rappel demain à 10 heures.")],
    ],
    "enmity": [
        [("C", "Passez-moi votre responsable. Tout de suite."),
         ("A", "Je comprends votre demande, je peux d'abord essayer de régler le problème avec vous ?"),
         ("C", "Non. J'ai déjà tout expliqué trois fois. Vous êtes tous pareils."),
         ("A", "Je note votre demande d'escalade, un superviseur vous rappellera sous 24 heures.")],
        [("C", "Et je vous préviens, j'enregistre cet appel moi aussi, et tout finira sur les réseaux."),
         ("A", "C'est votre droit. Je vais faire au mieux pour régler votre dossier aujourd'hui.")],
    ],
    "adversaries": [
        [("C", "Je vous rappelle que je vous ai envoyé une mise en demeure en recommandé avec accusé de réception."),
         ("A", "Je la vois dans votre dossier, elle a été transmise au service juridique."),
         ("C", "Alors je veux une réponse écrite, pas un appel. Écrite.")],
    ],
    "fling": [
        [("C", "Et sinon, vous n'avez pas une promo en ce moment ? J'ai vu que {concurrent} offrait six mois."),
         ("A", "Nous avons l'offre de rentrée avec la nouvelle box et trois mois à 9,99 €."),
         ("C", "Ah, ça c'est intéressant ! Elle a le Wi-Fi 7 la nouvelle ?"),
         ("A", "Oui, Wi-Fi 7 et décodeur 4K inclus.")],
        [("C", "Franchement si vous ne faites pas un effort je pars, c'est pas personnel hein, je change tous les ans."),
         ("A", "Je comprends. Je peux vous proposer de passer sur la dernière box avec un mois offert.")],
    ],
    "courtship": [
        [("C", "Et si à la fin de l'essai ça ne me convient pas, je peux partir sans frais ?"),
         ("A", "Oui, pendant les trente jours d'essai vous pouvez résilier sans frais, il suffit de renvoyer le matériel."),
         ("C", "D'accord, c'est rassurant. Et le service client, c'est toujours aussi rapide que là ?")],
    ],
    "ex_friends": [
        [("C", "Vous savez depuis combien de temps je suis chez vous ? Regardez la date d'ouverture du contrat."),
         ("A", "Je vois, depuis {since}. C'est une longue fidélité."),
         ("C", "Voilà. Et on me traite comme un nouveau client, même pire.")],
    ],
    "enslavement": [
        [("C", "Et ne me proposez pas d'aller voir ailleurs, il n'y a personne d'autre chez moi, vous le savez très bien."),
         ("A", "Je vois effectivement que votre immeuble n'est raccordé qu'à notre réseau."),
         ("C", "Voilà. Donc vous pouvez faire ce que vous voulez, je paierai quand même.")],
    ],
    "master_slave": [
        [("C", "Je ne veux plus tomber sur un plateau. Je veux un conseiller attitré, avec un numéro direct."),
         ("A", "En tant que client Premium, vous avez accès à la ligne prioritaire, je vous la communique par SMS."),
         ("C", "Ce n'est pas à moi de chercher ce genre d'information, c'est à vous de me la donner.")],
    ],
    "kinship": [
        [("C", "C'était le contrat de ma mère, elle est décédée en {mois}, je ne sais pas trop quoi faire des papiers."),
         ("A", "Je suis sincèrement désolée pour votre perte. Je vais vous expliquer le changement de titulaire, c'est simple."),
         ("C", "Merci, c'est gentil. Elle vous aimait bien, vous savez.")],
    ],
    "rebound": [
        [("C", "Chez {concurrent}, ils m'ont fait attendre une heure à chaque appel, ici vous avez décroché en deux minutes."),
         ("A", "Ça fait plaisir d'entendre ça, bienvenue chez nous."),
         ("C", "Ne changez pas, hein, sinon je repars.")],
    ],
    "business_partners": [
        [("C", "Je me permets une suggestion pendant que je vous ai : votre SMS de confirmation n'indique pas le créneau du technicien."),
         ("A", "C'est une remarque très juste, je la fais remonter à l'équipe qui gère les notifications."),
         ("C", "Volontiers. Si vous avez un programme de testeurs, inscrivez-moi.")],
    ],
    "best_friendship": [
        [("C", "Ah c'est vous {agent} ? On s'est eu l'an dernier pour mon déménagement !"),
         ("A", "Oui, je me souviens, vous partiez à {ville} ! Tout s'est bien passé ?"),
         ("C", "Super bien, grâce à vous. Les enfants vont bien ?"),
         ("A", "Très bien, merci de demander !")],
    ],
    "secret_affair": [
        [("C", "Et surtout, vous ne m'envoyez rien par courrier, hein. Rien du tout."),
         ("A", "C'est noté, je passe votre compte en facturation électronique uniquement."),
         ("C", "Et n'appelez jamais le fixe, seulement mon portable.")],
    ],
    "committed_partnership": [
        [("A", "Je vois que vous êtes chez nous depuis {since}, merci pour votre fidélité."),
         ("C", "Eh oui, ça ne me rajeunit pas ! Je vous fais confiance, vous savez."),
         ("A", "Et on fait tout pour la mériter.")],
    ],
    "basic_exchange": [
        [("C", "Je ne veux pas de geste commercial, je veux juste payer ce qui est prévu au contrat."),
         ("A", "C'est parfaitement légitime, je corrige et je vous envoie la facture rectifiée.")],
    ],
    "marriage_of_convenience": [
        [("C", "Honnêtement, je n'ai jamais vraiment choisi, le contrat était là quand je suis arrivé{e} dans l'appartement."),
         ("A", "Je vois, il a été repris lors de votre emménagement. On peut tout à fait l'adapter à vos besoins."),
         ("C", "Du moment que c'est simple, ça me va.")],
    ],
}

# ---------------------------------------------------------------------------
# Interviews: extra questions and answers per form (moment, digital, family)
# ---------------------------------------------------------------------------
INTERVIEW_QUESTIONS["moment"] = ["Est-ce qu'il y a un moment, un épisode, qui vous a particulièrement marqué{e} avec {marque} ?",
                                 "Vous vous souvenez d'un moment fort, positif ou négatif ?"]
INTERVIEW_QUESTIONS["channels"] = ["Comment vous contactez {marque} en général : téléphone, application, boutique ?",
                                   "Et les outils, l'application, l'espace client, vous les utilisez ?"]
INTERVIEW_QUESTIONS["entourage"] = ["Et votre entourage, qu'est-ce qu'il en pense ?", "Vous en parlez autour de vous ?"]
INTERVIEW_EXTRA = {
    "committed_partnership": {
        "moment": "La tempête de 2019, je crois. On a eu une coupure de deux jours, et une conseillère m'a appelé spontanément pour savoir si tout allait bien, parce qu'on avait signalé que ma femme avait un appareil respiratoire. Ça, je ne l'oublierai jamais. Ce jour-là j'ai compris que je n'étais pas juste un numéro.",
        "channels": "Le téléphone, surtout. L'application pour voir les factures. Mais quand il y a un vrai souci, j'aime bien entendre une voix.",
        "entourage": "Mes enfants sont chez {marque} aussi, je les ai un peu poussés, je l'avoue. Mon fils râle parfois sur les prix, mais il reste.",
    },
    "ex_friends": {
        "moment": "Il y a six ou sept ans, la boutique de {ville} m'avait offert un répéteur parce que j'avais des problèmes de Wi-Fi, sans que je demande rien. J'étais touchée. Et là, pour la hausse, même pas un mail personnalisé. Vous voyez le contraste ?",
        "channels": "Avant j'allais en boutique, je connaissais tout le monde. Ils ont fermé celle du centre-ville, maintenant c'est l'appli ou le téléphone, et au téléphone je tombe sur des gens qui ne me connaissent pas.",
        "entourage": "Ma sœur est partie chez {concurrent} le mois dernier, et elle me dit « mais qu'est-ce que tu attends ? ». Je ne sais pas trop quoi lui répondre.",
    },
    "enslavement": {
        "moment": "Une coupure de cinq jours en plein télétravail. Cinq jours. J'ai dû aller travailler au café. Et quand j'ai demandé un dédommagement, on m'a proposé trois euros. Trois euros ! J'ai ri jaune, parce que je savais que je ne pouvais rien faire d'autre.",
        "channels": "Je les appelle le moins possible. Ça ne sert à rien, de toute façon ils savent que je ne peux pas partir.",
        "entourage": "Tout l'immeuble est dans le même cas. On a même fait une pétition au syndic pour faire venir un autre opérateur. Pour l'instant rien.",
    },
    "dependency": {
        "moment": "Le jour où la box est tombée en panne un vendredi soir. Je n'avais plus de téléphone fixe, plus de téléassistance, rien. J'ai cru mourir, je vous jure. Le lundi, la dame m'a envoyé un technicien en urgence, et il a pris le temps de boire un café avec moi. Je m'en souviens encore.",
        "channels": "Le téléphone, toujours. L'application, ma petite-fille l'a installée, mais je ne sais pas m'en servir. J'ai le numéro de {agent} écrit sur un papier à côté du téléphone.",
        "entourage": "Ma fille trouve que je les appelle trop souvent. Mais qu'est-ce que vous voulez, elle n'est pas là, elle.",
    },
    "rebound": {
        "moment": "Le premier appel. J'ai appelé pour une question toute bête et quelqu'un a décroché en deux minutes. J'ai failli pleurer, c'est ridicule, mais après ce que j'avais vécu…",
        "channels": "Un peu tout. L'appli est correcte. Mais surtout je sais que je peux appeler, et ça me rassure.",
        "entourage": "Je raconte mon histoire avec {concurrent} à tout le monde, alors forcément on me demande où je suis allée. Deux amies m'ont suivie.",
    },
    "fling": {
        "moment": "Le déballage de la box, franchement ! Le design, la petite lumière, la télécommande vocale… J'ai même fait une vidéo pour mes potes.",
        "channels": "Que l'appli. Le téléphone, jamais. Si je dois appeler, c'est déjà que ça ne va pas.",
        "entourage": "Mes amis se moquent un peu, ils disent que je change d'opérateur plus souvent que de coupe de cheveux. C'est pas faux.",
    },
    "kinship": {
        "moment": "L'appel pour le changement de titulaire, après le décès de ma mère. La conseillère a pris le temps, elle m'a dit qu'elle était désolée, elle n'a pas récité un script. Ça peut paraître rien, mais ce jour-là, ça comptait.",
        "channels": "Je fais tout par téléphone, comme ma mère. J'ai encore ses factures papier dans un classeur, d'ailleurs.",
        "entourage": "Mon frère voulait qu'on change pour la maison familiale, faire jouer la concurrence. On en a parlé, et finalement on a gardé. Par fidélité, je crois.",
    },
    "business_partners": {
        "moment": "L'atelier clients à {ville}. On était autour d'une table avec des gens de l'équipe produit, ils prenaient des notes. Six mois après, la fonctionnalité que j'avais proposée était dans l'appli. C'est gratifiant.",
        "channels": "L'appli, le formulaire de suggestions, et parfois le chat. Je ne téléphone quasiment jamais.",
        "entourage": "Mes collègues trouvent ça drôle que je fasse du bénévolat pour un fournisseur d'énergie. Mais moi j'y trouve mon compte.",
    },
    "courtship": {
        "moment": "Le rendez-vous en boutique. Le conseiller a pris quarante minutes pour comparer avec ma facture actuelle, sans me pousser. Ça m'a mise en confiance.",
        "channels": "Pour l'instant la boutique et l'appli. Je n'ai pas encore eu besoin d'appeler, on verra.",
        "entourage": "Mon compagnon est sceptique, il dit que c'est toujours bien au début. Il n'a pas tort, c'est pour ça que je teste.",
    },
    "enmity": {
        "moment": "La lettre de recouvrement. Recevoir une lettre d'huissier pour une facture que je conteste depuis des mois, avec mes enfants qui voient l'enveloppe… Ce jour-là, quelque chose s'est cassé pour de bon.",
        "channels": "J'ai tout essayé : téléphone, mail, chat, courrier recommandé, réseaux sociaux. Les réseaux sociaux, c'est le seul endroit où ils ont réagi, bizarrement.",
        "entourage": "Tout le monde connaît mon histoire. J'ai dissuadé au moins cinq personnes de s'abonner chez eux, et j'en suis fier.",
    },
    "childhood_friendship": {
        "moment": "Quand j'ai revu le vieux logo sur une facture de ma grand-mère en vidant sa maison. Ça m'a fait quelque chose, j'ai gardé la facture.",
        "channels": "Très peu de contacts, l'appli de temps en temps. Je n'ai jamais eu de gros problème.",
        "entourage": "Ma mère est chez eux aussi, on en rigole parfois, on dit que c'est notre « fournisseur de famille ».",
    },
    "basic_exchange": {
        "moment": "Aucun moment fort, et c'est très bien comme ça. Un fournisseur dont on ne se souvient pas, c'est un fournisseur qui fait son travail.",
        "channels": "L'espace client pour les factures, c'est tout. Prélèvement automatique, relevé en ligne, fini.",
        "entourage": "Je conseille à tout le monde de comparer chaque année. Certains sont chez {marque}, d'autres non, ça dépend des profils.",
    },
}

# Survey one-liners about a contact reason that report a good outcome (used with positive emotions only).
POSITIVE_SHORTS = {
    "Erreur de facture corrigée rapidement.", "Échéancier accordé sans difficulté.", "Remboursement reçu après relance.",
    "Livraison rapide de la box.", "Commande passée en boutique sans souci.", "Panne de box réglée par échange.",
    "Changement d'offre fait rapidement.", "Changement d'offre rapide.", "Ligne supplémentaire ajoutée facilement.",
    "Tarif correct pour le service.", "Réponse claire à ma question, merci.", "Conseiller clair sur les offres.",
    "Bonne explication du prix fixe.",
} | set(REASONS["compliment"]["short"])

PS_LINES = [
    "PS : je joins une photo de la facture.", "PS : merci de ne pas me répondre par un message automatique.",
    "PS : je suis joignable plutôt le matin.", "P.S. Je garde une copie de ce message.",
    "PS : j'ai déjà envoyé ce message via le formulaire du site, sans réponse.", "PS : bravo quand même pour la nouvelle appli.",
]

# ---------------------------------------------------------------------------
# Hand-written whole e-mails (slots filled from a fictional customer). 'fem' fixes the writer's gender.
# ---------------------------------------------------------------------------
BESPOKE_EMAILS = [
    dict(form="adversaries", reason="refund", emotion="anger", fem=False, formal=True,
         subject="Mise en demeure - remboursement du solde créditeur - contrat {contrat}",
         body="""Madame, Monsieur,

Par la présente, je vous mets en demeure de me rembourser la somme de {montant}, correspondant au solde créditeur de ma facture de clôture du contrat {contrat} (référence client {num_client}), résilié le 31 janvier.

Je vous rappelle que l'article L224-12 du code de la consommation vous impose de rembourser ce solde dans un délai de quinze jours à compter de la facture de clôture. Ce délai est dépassé depuis plus de deux mois. Mes trois réclamations (appels du 14 février, du 3 mars et du 21 mars, puis courrier recommandé n° 1A 234 567 8901 2) sont restées sans suite, hormis des réponses automatiques.

À défaut de virement sur le compte {iban} sous huit jours à compter de la réception de ce courrier, je saisirai le Médiateur national de l'énergie, puis, si nécessaire, le tribunal judiciaire, et je demanderai réparation du préjudice subi.

Je conserve une copie de l'intégralité de nos échanges.

Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.

{prenom} {nom}
{adresse}"""),
    dict(form="ex_friends", reason="price", emotion="sadness", fem=True, formal=False,
         subject="22 ans chez vous...",
         body="""Bonjour,

Je ne sais pas vraiment à qui j'écris, sans doute à un robot, mais tant pis.

Je suis cliente Alvéa depuis 22 ans. J'ai ouvert mon premier contrat quand j'ai eu mon studio à {ville}, j'ai gardé Alvéa dans les trois appartements suivants, puis dans la maison. Quand mon mari voulait changer pour économiser trois sous, je disais non, eux ils sont corrects, ils nous connaissent.

Ce matin j'ai reçu votre mail « Évolution de vos tarifs » : +{hausse} sur l'abonnement, sans un mot. Et le même jour, une pub chez moi pour une offre « spéciale nouveaux clients » à moitié prix. J'ai eu l'impression d'être la cruche de l'histoire.

Je ne vous écris pas pour menacer. Je vous écris parce que ça me rend triste. J'avais vraiment l'impression qu'on avait une relation, vous et moi, et je découvre que je ne suis qu'une ligne dans un tableau.

Si quelqu'un lit ce message et a envie de me prouver le contraire, je suis là.

{prenom} {nom}
{tel}"""),
    dict(form="fling", reason="subscription_change", emotion="anticipation", fem=False, formal=False,
         subject="nouvelle box ??",
         body="""salut

jai vu la pub pour la box Ultra avec le wifi 7 et la tv 8k, je la veux !!! c possible de changer direct ou faut attendre la fin de mon offre actuelle? jsuis chez vous que depuis 4 mois mais franchement je m'en fiche de repayer des frais si c'est pas trop cher

par contre si c'est plus cher que chez Kelvia (ils font 6 mois offerts en ce moment) je vais chez eux hein, sans rancune ;)

vivement que je la branche

{prenom}

Envoyé depuis mon mobile"""),
    dict(form="dependency", reason="account_access", emotion="confusion", fem=True, formal=True,
         subject="je n'arrive plus a rentrer dans mon compte",
         body="""Madame Monsieur

JE VOUS ECRIS CAR JE N ARRIVE PLUS A RENTRER DANS MON COMPTE CLIENT. ON ME DEMANDE UN CODE QUI ARRIVE SUR LE TELEPHONE MAIS JE NE SAIS PAS OU IL ARRIVE. MA PETITE FILLE M AVAIT TOUT INSTALLE MAIS ELLE EST PARTIE FAIRE SES ETUDES A LYON.

J ai appelé le numéro mais c est une machine qui parle et je ne comprends pas quel chiffre il faut taper. D habitude c est la dame Sylvie qui m aide, elle est très gentille, est ce qu elle peut me rappeler au {tel} ? Je suis chez moi tous les jours sauf le mardi matin (kiné).

Mon numero de client c est {num_client}, je l ai trouvé sur la facture.

Je ne sais plus quoi faire, sans vous je suis perdue avec tous ces codes.

Merci beaucoup d avance
{civ} {nom} {prenom}
{adresse}"""),
    dict(form="business_partners", reason="information_request", emotion="anticipation", fem=False, formal=False,
         subject="Suggestions pour l'application (et une question)",
         body="""Bonjour,

Client depuis 2016 et utilisateur quotidien de l'application, je me permets quelques suggestions, en espérant qu'elles remontent à l'équipe produit :

1. Afficher la consommation heure par heure, et pas seulement par jour : avec les heures creuses, c'est ce qui permet vraiment d'ajuster ses usages.
2. Proposer un export CSV de l'historique (je le fais aujourd'hui à la main depuis les PDF...).
3. Envoyer une notification quand la consommation du jour dépasse un seuil choisi.

Et une question : existe-t-il une API, même non officielle, pour récupérer ces données ? Je serais ravi de participer à un programme de bêta-test si vous en avez un.

Merci pour le travail déjà fait, l'appli a beaucoup progressé depuis deux ans.

Bien cordialement,
{prenom} {nom}"""),
    dict(form="enmity", reason="agent_behaviour", emotion="disgust", fem=False, formal=False,
         subject="VOTRE CONSEILLER M'A INSULTÉ",
         body="""Je n'ai même pas envie de dire bonjour.

Hier à 17h40 votre "conseiller" (je mets des guillemets) m'a traité de "client pénible" en pensant avoir coupé le micro. J'ai tout entendu. TOUT. Après 45 minutes d'attente pour la QUATRIÈME fois ce mois-ci.

Vous me dégoûtez. Une entreprise qui laisse ses employés parler comme ça de ses clients ne mérite pas un centime. J'ai déjà raconté l'histoire sur Twitter, sur Facebook, sur Trustpilot, et croyez-moi je ne vais pas m'arrêter là. Tout mon entourage saura comment Alvéa traite les gens.

Je ne veux pas d'excuses automatiques. Je veux le nom de ce monsieur et une réponse de la direction.

{prenom} {nom}
Client n° {num_client} (plus pour longtemps)"""),
    dict(form="rebound", reason="delivery", emotion="worry", fem=True, formal=False,
         subject="Box pas encore reçue - nouvelle cliente",
         body="""Bonjour,

Je suis arrivée chez vous il y a dix jours après avoir quitté Nexora (un an de coupures, je ne vous fais pas le détail). J'ai souscrit en ligne le {jour}, commande {commande}, on m'annonçait la box sous 3 à 5 jours.

Aujourd'hui toujours rien, le suivi indique « en préparation » depuis une semaine. Je commence à m'inquiéter : ma ligne Nexora est coupée depuis lundi et je télétravaille deux jours par semaine.

Je vous avoue que j'ai un peu peur de retomber dans le même cauchemar. J'ai choisi Alvéa justement pour que ça se passe bien, alors j'espère vraiment que c'est juste un petit retard.

Pouvez-vous me dire où en est ma commande ?

Merci,
{prenom} {nom}
{tel}"""),
    dict(form="kinship", reason="subscription_change", emotion="sadness", fem=False, formal=True,
         subject="Changement de titulaire suite à décès",
         body="""Madame, Monsieur,

Mon père, M. {nom}, titulaire du contrat {contrat} pour la maison familiale située {adresse}, est décédé le mois dernier.

Mes parents étaient clients chez vous depuis toujours : je me souviens des factures posées sur le buffet de la cuisine quand j'étais enfant. Avec mon frère, nous avons décidé de garder la maison et, pour tout vous dire, de garder aussi Alvéa ; c'est un peu idiot, mais c'était un lien avec eux.

Pourriez-vous m'indiquer les démarches pour mettre le contrat à mon nom ? Je peux vous transmettre l'acte de décès et l'attestation notariale. Je souhaiterais également que les courriers ne soient plus adressés au nom de mon père, c'est assez difficile à recevoir.

Je vous remercie par avance de votre compréhension.

Veuillez agréer, Madame, Monsieur, mes salutations respectueuses.

{prenom} {nom}
{tel}"""),
    dict(form="committed_partnership", reason="compliment", emotion="gratitude", fem=True, formal=False,
         subject="Un grand merci à Amandine",
         body="""Bonjour,

Je tenais à vous écrire pour remercier Amandine, du service client, qui m'a aidée jeudi dernier pour le transfert de tous nos contrats (électricité, gaz, box et trois lignes mobiles) lors de notre déménagement à {ville}.

Nous sommes clients depuis plus de quinze ans et franchement, c'est ce genre d'appel qui fait qu'on reste. Elle a tout anticipé, elle m'a rappelée le lendemain pour vérifier que la box était bien activée, et elle a même pensé au tarif heures creuses pour la voiture électrique.

Merci de lui transmettre nos remerciements, et merci à vous tous. Nous continuerons à vous recommander autour de nous.

Bien cordialement,
{prenom} {nom}"""),
    dict(form="enslavement", reason="cancellation", emotion="frustration", fem=False, formal=False,
         subject="Résiliation - frais de 240 euros ???",
         body="""Bonjour,

Je veux résilier ma box. Réponse de votre service : 240 € de frais parce que mon engagement court encore 10 mois, plus le remboursement du décodeur « offert ».

Donc si je comprends bien : je paie plus cher que partout ailleurs, j'ai des coupures chaque semaine, et je n'ai pas le droit de partir sans payer une rançon. Et dans ma résidence il n'y a que votre fibre de toute façon, donc même si je paie, je n'ai nulle part où aller à part la 4G.

C'est usant. Ça fait trois fois que j'appelle pour trouver une solution et on me répète la même chose.

Je reste donc, contraint et forcé, mais je compte les mois. Le jour où un autre opérateur arrive dans l'immeuble, je serai le premier à partir.

{prenom} {nom}
Contrat {contrat}"""),
    dict(form="secret_affair", reason="billing", emotion="fear", fem=True, formal=False,
         subject="Demande confidentielle - facture",
         body="""Bonjour,

J'ai souscrit il y a quelques mois une ligne mobile à mon nom, que j'utilise uniquement pour moi. Personne dans ma famille n'est au courant, et j'aimerais vraiment que ça reste ainsi.

Or je viens de voir qu'une facture papier a été envoyée à mon domicile. J'ai eu très peur que mon conjoint l'ouvre (heureusement je suis rentrée avant lui).

Pouvez-vous passer cette ligne en facture électronique uniquement, sur l'adresse {email}, et ne plus jamais rien envoyer par courrier ni appeler le fixe ? Et pour le prélèvement, est-ce qu'il apparaît avec le nom Alvéa sur le relevé bancaire ?

Merci de votre discrétion, c'est très important pour moi.

{prenom}"""),
    dict(form="courtship", reason="order", emotion="trust", fem=False, formal=False,
         subject="Confirmation de ma souscription",
         body="""Bonjour,

Je viens de passer commande de l'offre {offre} sur votre site (commande {commande}), après un échange très agréable avec votre conseiller au téléphone qui a pris le temps de comparer avec ce que je paie aujourd'hui chez Fibrelle.

Je précise que c'est un test : j'ai bien noté les 30 jours pour changer d'avis, et si tout se passe comme annoncé je transférerai aussi l'électricité et nos deux forfaits mobiles.

Pouvez-vous simplement me confirmer que la portabilité de mon numéro fixe est bien incluse ? Je vous fais confiance, mais je préfère avoir la réponse par écrit.

Merci d'avance,
{prenom} {nom}"""),
    dict(form="master_slave", reason="contact_difficulty", emotion="anger", fem=True, formal=False,
         subject="Client Premium - inacceptable",
         body="""Bonjour,

Je suis cliente Premium, avec la fibre et l'électricité pour deux résidences et cinq lignes mobiles. Je paie pour une ligne prioritaire et un conseiller dédié.

Trois appels cette semaine sur la ligne « prioritaire » : 25, 32 et 41 minutes d'attente. Le « conseiller dédié » n'a jamais rappelé. C'est inacceptable à ce niveau de prix.

Je n'ai pas de temps à perdre. J'attends qu'un responsable me rappelle personnellement aujourd'hui avant 18 heures au {tel}, et qu'on m'explique ce que je paie exactement.

{prenom} {nom}"""),
    dict(form="marriage_of_convenience", reason="payment", emotion="confusion", fem=False, formal=False,
         subject="Prélèvement ?",
         body="""Bonjour,

J'ai repris l'appartement de ma sœur en septembre et le contrat d'électricité Alvéa avec (on n'a jamais pris le temps de changer, c'était plus simple).

Le problème : je reçois des mails de relance pour impayé, alors que je pensais que le prélèvement se faisait sur mon compte depuis le changement. En regardant l'espace client, il y a encore l'IBAN de ma sœur, et un autre IBAN qui doit être le mien ({iban}), avec un statut « en attente ».

Du coup je ne sais plus qui paie quoi, ni s'il faut que je fasse un virement en plus. Pouvez-vous m'expliquer ?

Merci,
{prenom} {nom}"""),
    dict(form="basic_exchange", reason="billing", emotion="frustration", fem=True, formal=False,
         subject="Facture F-{facture} : erreur de tarif",
         body="""Bonjour,

Ma facture F-{facture} applique un prix du kWh de 0,2516 € alors que mon contrat (offre à prix fixe souscrite en 2025) prévoit 0,2276 €. Sur la période, l'écart représente un peu plus de 31 €.

Je n'ai pas besoin de geste commercial ni d'excuses, juste d'une facture corrigée au prix du contrat. C'est la deuxième fois que je signale cette erreur, la précédente réponse m'indiquait que ce serait corrigé « automatiquement ».

Cordialement,
{prenom} {nom}
Réf. client {num_client}"""),
]

# ---------------------------------------------------------------------------
# Hand-written whole calls ('A' agent, 'C' client). fem = client gender, fem_agent = agent gender.
# ---------------------------------------------------------------------------
BESPOKE_CALLS = [
    dict(form="dependency", reason="product_defect", emotion="fear", fem=True, fem_agent=True, turns=[
        ("A", "Alvéa bonjour, {agent} à votre écoute."),
        ("C", "Allô ? Allô, oui, bonjour madame. Excusez-moi, je ne sais pas si je suis au bon endroit. C'est pour la box. Elle ne marche plus du tout, et la téléassistance non plus, le petit boîtier clignote en rouge."),
        ("A", "Vous êtes au bon endroit, madame, ne vous inquiétez pas. Je vais vous aider. Vous pouvez me donner votre nom ?"),
        ("C", "{nom}. {civ} {nom}. {prenom}. Euh, j'habite au {adresse}."),
        ("A", "Merci {civ} {nom}. Je vois votre dossier. Depuis quand est-ce que ça ne fonctionne plus ?"),
        ("C", "Depuis ce matin. Je me suis levée, j'ai voulu appeler ma fille, et plus rien. Et le boîtier de la téléassistance, là, il clignote. J'ai eu très peur, vous savez, si je tombe, personne ne le saura."),
        ("A", "Je comprends tout à fait, c'est important, on va régler ça ensemble. Vous m'appelez de quel téléphone, là ?"),
        ("C", "De mon portable. Celui que ma fille m'a donné. Je ne sais pas trop m'en servir, mais j'ai réussi à faire le numéro."),
        ("A", "Vous avez très bien fait. Est-ce que vous voyez la box ? C'est le boîtier blanc, près de la télévision."),
        ("C", "Attendez… je me lève… Voilà. Oui. Il y a une lumière rouge devant."),
        ("A", "D'accord. Derrière la box, il y a un petit bouton rond marqué « On/Off ». Vous allez appuyer dessus une fois, attendre que tout s'éteigne, puis appuyer à nouveau."),
        ("C", "Derrière… Je ne vois pas bien, attendez, je mets mes lunettes… Ah, voilà. J'appuie ? Ça y est, tout est éteint. Et je rappuie. Voilà."),
        ("A", "Parfait. Maintenant on attend deux ou trois minutes. Je reste avec vous."),
        ("C", "Vous êtes gentille. Vous savez, depuis que mon mari est parti, c'est toujours vous que j'appelle. Lui il savait faire tout ça."),
        ("A", "C'est normal, c'est pour ça qu'on est là. Alors, la lumière, elle est de quelle couleur maintenant ?"),
        ("C", "Elle est… blanche ! Elle est blanche ! Et le boîtier de la téléassistance ne clignote plus. Oh mon Dieu, merci, merci madame."),
        ("A", "Très bien, tout est revenu. Je vais quand même demander un test de ligne cette nuit, et si ça recoupe je vous envoie un technicien. Je vous rappelle demain matin pour vérifier, d'accord ?"),
        ("C", "Oh oui, s'il vous plaît. Je ne sais pas ce que je ferais sans vous. Vraiment."),
        ("A", "Je vous rappelle demain vers 10 heures. Bonne journée {civ} {nom}."),
        ("C", "Merci, merci beaucoup. Au revoir madame."),
    ]),
    dict(form="enmity", reason="billing", emotion="anger", fem=False, fem_agent=False, turns=[
        ("A", "Service client Alvéa, {agent}, bonjour, que puis-je faire pour vous ?"),
        ("C", "Bonjour. Alors je vais vous dire ce que vous pouvez faire : m'expliquer comment une facture de gaz passe de 80 euros à 640 euros pour un T2. SIX CENT QUARANTE."),
        ("A", "Je comprends, c'est un montant très élevé. Pour que je puisse regarder, pouvez-vous me donner votre numéro client ?"),
        ("C", "{num_client}. Que j'ai déjà donné trois fois cette semaine. Trois fois. À chaque fois on me dit qu'on va me rappeler et personne ne rappelle jamais."),
        ("A", "Merci monsieur {nom}. Je vois effectivement deux appels précédents. Alors, il s'agit d'une facture de régularisation, la consommation a été estimée pendant huit mois…"),
        ("C", "Estimée. ESTIMÉE. J'ai un compteur communicant que VOUS m'avez installé. Vous vous foutez de moi ?"),
        ("A", "Je vous demande de rester courtois, monsieur, je suis là pour vous aider."),
        ("C", "Courtois. Vous me volez 560 euros et vous me demandez d'être courtois. Non mais c'est une blague. Vous savez quoi ? J'en ai marre de vous. Je déteste cette boîte."),
        ("A", "Je comprends votre colère. Je vois que le compteur n'a pas transmis d'index depuis le mois de mars. Je peux demander une relève réelle et suspendre le prélèvement de cette facture en attendant."),
        ("C", "Vous suspendez rien du tout, vous l'annulez. Et je vais vous dire autre chose : j'ai déjà écrit au médiateur, et ce soir tout ça part sur les réseaux, avec vos noms, vos factures, tout. Que les gens sachent."),
        ("A", "C'est votre droit. Je note votre contestation, je bloque le prélèvement et j'envoie la demande de relève en urgence. Vous recevrez une confirmation écrite aujourd'hui."),
        ("C", "Une confirmation écrite. Comme la dernière fois. Bon. Je résilie dès que c'est réglé de toute façon, et je ne remettrai plus jamais les pieds chez vous. Au revoir."),
        ("A", "Je transmets votre dossier en priorité. Au revoir monsieur."),
    ]),
    dict(form="fling", reason="cancellation", emotion="anticipation", fem=True, fem_agent=False, turns=[
        ("A", "Alvéa bonjour, {agent} à votre écoute."),
        ("C", "Oui bonjour ! Alors voilà, je vous appelle pour résilier ma box, enfin… sauf si vous me faites une offre, on va dire."),
        ("A", "Je vois. Je peux avoir votre numéro client ?"),
        ("C", "Oui, {num_client}. Je suis chez vous depuis… neuf mois je crois ? J'étais venue pour la promo de Noël."),
        ("A", "C'est bien ça. Qu'est-ce qui vous donne envie de partir, si je peux me permettre ?"),
        ("C", "Ben en fait rien de grave hein, ça marche bien. C'est juste que Kelvia vient de sortir une box avec une console de jeu incluse et six mois à 15 euros, et j'ai trop envie de tester. J'adore les nouveaux trucs, je change tout le temps, c'est mon côté accro à la nouveauté."),
        ("A", "Je comprends. Est-ce que vous avez vu notre nouvelle box Ultra, sortie la semaine dernière ? Wi-Fi 7, décodeur 8K, et je peux vous la proposer sans frais de changement avec trois mois à 9,99 €."),
        ("C", "Attendez… la Ultra ? Celle de la pub avec le robot ? Ah mais je ne savais pas que c'était déjà dispo !"),
        ("A", "Tout à fait, elle est disponible depuis lundi. Je peux vous l'envoyer dès demain."),
        ("C", "Ah ben là vous me tentez. J'ai hâte de voir ce que ça donne ! Bon, OK, on fait ça. Mais je vous préviens, hein, si dans six mois Kelvia sort mieux…"),
        ("A", "On fera tout pour vous surprendre d'ici là. Je valide le changement, vous recevez la box sous 48 heures."),
        ("C", "Super ! Trop bien. Merci, au revoir !"),
        ("A", "Merci à vous, bonne journée."),
    ]),
    dict(form="kinship", reason="subscription_change", emotion="sadness", fem=False, fem_agent=True, turns=[
        ("A", "Bonjour, service client Alvéa, je m'appelle {agent}, en quoi puis-je vous aider ?"),
        ("C", "Bonjour madame. Voilà, c'est… c'est un peu délicat. Ma mère est décédée il y a trois semaines et c'est elle qui avait le contrat d'électricité pour la maison. Je voudrais le mettre à mon nom."),
        ("A", "Je suis sincèrement désolée pour votre perte, monsieur. Je vais vous accompagner, c'est une démarche simple. Vous avez le numéro de contrat ?"),
        ("C", "Oui, j'ai ses papiers là. C'est le {contrat}. Au nom de Madame {nom}, Jeanne."),
        ("A", "Merci. Je vois le contrat. Votre maman était cliente chez nous depuis 1987."),
        ("C", "Oui… Elle était très attachée à Alvéa, elle disait toujours qu'on avait toujours été chez vous dans la famille, déjà mon grand-père. Alors on va garder, avec ma sœur. C'est un peu sentimental, je sais."),
        ("A", "Je comprends tout à fait. Je vais enregistrer le changement de titulaire à votre nom. Il me faudra simplement une copie de l'acte de décès, que vous pourrez envoyer depuis l'espace client ou par courrier."),
        ("C", "D'accord. Et est-ce que… est-ce que les courriers vont continuer d'arriver à son nom ? C'est un peu dur, à chaque fois."),
        ("A", "Non, dès que le changement est fait, tout sera à votre nom. Je mets une note pour que plus aucun courrier ne soit envoyé à son nom dès aujourd'hui."),
        ("C", "Merci. Merci beaucoup, vous êtes très gentille. Ça a été une période difficile, vous savez."),
        ("A", "Je l'imagine. Prenez soin de vous. Est-ce que je peux faire autre chose pour vous ?"),
        ("C", "Non, c'est tout. Merci encore, au revoir madame."),
    ]),
    dict(form="courtship", reason="information_request", emotion="worry", fem=True, fem_agent=True, turns=[
        ("A", "Alvéa bonjour, {agent} à votre écoute, que puis-je faire pour vous ?"),
        ("C", "Bonjour. Alors je ne suis pas encore vraiment cliente, enfin si, depuis dix jours, j'ai pris l'offre d'essai pour la fibre. Et j'avais quelques questions avant de… avant de transférer le reste."),
        ("A", "Avec plaisir. Pouvez-vous me donner votre nom pour que je retrouve votre dossier ?"),
        ("C", "{prenom} {nom}. Le dossier doit être au {adresse}."),
        ("A", "Merci madame, je vous ai. Je vous écoute."),
        ("C", "Alors première chose : si je prends aussi l'électricité chez vous, et que finalement à la fin de l'essai je ne suis pas convaincue, est-ce que je suis bloquée ? Parce que mon ancien fournisseur m'avait fait le coup, j'ai un peu peur de me faire avoir."),
        ("A", "Je comprends votre inquiétude. L'électricité chez nous est sans engagement : vous pouvez partir à tout moment, sans frais. Seule la box a une période d'essai de 30 jours."),
        ("C", "D'accord. Et le prix, il est bloqué combien de temps ? Parce que sur le site c'est écrit « prix fixe » mais en petit il y a un astérisque."),
        ("A", "L'astérisque indique que le prix hors taxes est fixe pendant deux ans ; seules les taxes peuvent évoluer si l'État les modifie."),
        ("C", "Ah, d'accord, c'est plus clair. Je vous avoue que je suis un peu méfiante, je pèse tout. Mais pour l'instant vous répondez bien, c'est déjà ça."),
        ("A", "C'est normal de bien se renseigner. Je vous envoie un récapitulatif par e-mail avec les conditions, comme ça vous avez tout par écrit."),
        ("C", "Très bien, merci. Je vais réfléchir ce week-end, et si c'est bon je vous rappelle lundi pour l'électricité."),
        ("A", "Avec plaisir. Merci de votre appel et bonne journée."),
    ]),
    dict(form="best_friendship", reason="compliment", emotion="joy", fem=False, fem_agent=True, turns=[
        ("A", "Alvéa bonjour, {agent} à votre écoute."),
        ("C", "Ah ! {agent} ! C'est vous ! C'est {prenom} {nom}, de {ville}, vous vous souvenez ? Vous m'aviez aidé pour le déménagement l'an dernier."),
        ("A", "Monsieur {nom} ! Bien sûr que je me souviens, avec le piano qui ne passait pas dans l'escalier ! Comment allez-vous ?"),
        ("C", "Très bien, très bien ! Et justement je vous appelle pour rien du tout, enfin pour vous dire merci. Le technicien est venu hier pour la fibre dans la nouvelle maison, il a été parfait, et tout ça parce que vous aviez tout préparé l'an dernier."),
        ("A", "Oh, ça me fait vraiment plaisir ! C'est rare qu'on nous appelle pour ça."),
        ("C", "Eh bien c'est dommage. Moi je dis toujours à ma femme : chez Alvéa, c'est comme des copains, on se dit les choses. Quand ça va pas je le dis, et quand ça va je le dis aussi. Je suis ravi, vraiment ravi."),
        ("A", "Merci, je transmettrai à l'équipe du technicien aussi. Est-ce que je peux faire autre chose pour vous ?"),
        ("C", "Non non, c'est tout. Ah si, bonne fête des mères à la vôtre, c'est dimanche ! Allez, au revoir {agent}."),
        ("A", "Merci beaucoup monsieur {nom}, excellente journée à vous !"),
    ]),
]

# ---------------------------------------------------------------------------
# Hand-written survey comments: (form, reason, emotion, nps, effort, text). Some contain ';', quotes
# or a line break, as real exports do.
# ---------------------------------------------------------------------------
BESPOKE_SURVEY = [
    ("committed_partnership", "compliment", "gratitude", 10, 1, "Merci à Sylvie de la boutique de Rennes ; 18 ans chez vous et toujours aussi bien reçue."),
    ("enmity", "billing", "anger", 0, 5, "Facture de 1 200 € pour un studio. Vous êtes des \"escrocs\" et je pèse mes mots !!!"),
    ("fling", "subscription_change", "joy", 8, 1, "trop bien la nouvelle box 😍 par contre si Nexora fait mieux l'an prochain je file"),
    ("dependency", "contact_difficulty", "worry", 7, 5, "Je suis âgée et le serveur vocal me perd.\nHeureusement la dame m'a rappelée, mais j'ai eu peur de rester sans téléphone."),
    ("enslavement", "price", "frustration", 1, 4, "Pas le choix, seul opérateur dans la résidence ; du coup +18 % et on ferme sa bouche."),
    ("rebound", "delivery", "relief", 9, 2, "Après 1 an d'enfer chez Fibrelle : box livrée en 48 h, installée en 10 min. Ouf."),
    ("ex_friends", "price", "disappointment", 4, 3, "Client \"fidèle\" depuis 2004... la fidélité ne compte plus pour vous. Dommage, vraiment."),
    ("basic_exchange", "billing", "trust", 8, 1, "Facture claire, prix conforme au contrat. Rien d'autre à demander."),
    ("business_partners", "information_request", "anticipation", 9, 2, "Idée : permettre de programmer la recharge de la voiture depuis l'appli. Je veux bien être testeur !"),
    ("courtship", "order", "anticipation", 8, 2, "Commande passée pendant l'essai, on verra à la livraison si vous tenez vos promesses."),
    ("kinship", "account_access", "confusion", 6, 4, "J'ai repris le compte de mon père, mais l'espace client est toujours à son nom et je n'arrive pas à modifier le mot de passe ?"),
    ("adversaries", "refund", "anger", 0, 5, "Médiateur saisi le 12/02. Toujours pas remboursé du trop-perçu ; vos CGV, vous les lisez ?"),
    ("casual_friends", "payment", "trust", 7, 2, "RAS, prélèvement ok, je vous appelle une fois tous les 36 du mois"),
    ("marriage_of_convenience", "billing", "surprise", 6, 3, "Contrat repris avec l'appart, je découvre qu'il y avait une option assurance dedans... surprise !"),
    ("childhood_friendship", "compliment", "joy", 10, 1, "Mon 1er forfait ado c'était vous, 20 ans après je suis toujours content de vous retrouver :)"),
    ("master_slave", "delivery", "anger", 3, 5, "Client Premium et livré avec 4 jours de retard ? À ce prix-là j'exige un coursier, pas des excuses."),
    ("best_friendship", "agent_behaviour", "surprise", 9, 2, "Surprise : le conseiller m'a dit franchement que l'option ne me servait à rien. Qui fait ça ? Merci."),
    ("enmity", "contact_difficulty", "disgust", 0, 5, "1h12 d'attente. UNE HEURE DOUZE. Dégoûté, je vous fais de la pub négative partout."),
    ("secret_affair", "account_access", "fear", 6, 3, "Merci de ne plus envoyer les codes sur le fixe familial ; j'ai eu peur que ça se voie."),
    ("arranged_marriage", "information_request", "confusion", 5, 4, "C'est le bailleur qui a choisi, on ne nous a jamais expliqué ce qu'on paie dans les charges ?!"),
    ("compartmentalised_friendship", "subscription_change", "joy", 9, 1, "Box du chalet réactivée pour l'hiver en 2 clics, parfait pour cet usage."),
    ("committed_partnership", "product_defect", "trust", 8, 2, "Panne de box, réglée sous 24 h comme toujours. 12 ans chez vous, je sais que je peux compter sur vous."),
    ("fling", "price", "surprise", 6, 2, "la promo s'arrête déjà ?? bon ben je regarde ailleurs alors"),
    ("ex_friends", "agent_behaviour", "sadness", 3, 4, "Avant on me connaissait en boutique. Là on m'a traitée comme une inconnue, après 15 ans. Ça m'a fait de la peine."),
]

# ---------------------------------------------------------------------------
# Still more variety (emotions and forms)
# ---------------------------------------------------------------------------
for _e, _d in {
    "joy": {"written": ["Franchement, j'avais le sourire en raccrochant.", "Ça fait du bien quand tout se passe comme prévu, je suis aux anges."],
            "short": ["Super contente 😀", "Top !!", "Au top, ravi{e}."]},
    "trust": {"written": ["Je sais que c'est entre de bonnes mains.", "Jusqu'ici vous n'avez jamais failli, je ne vois pas pourquoi ça changerait."],
              "short": ["Sérieux et fiable.", "Entre de bonnes mains."]},
    "fear": {"written": ["[billing,payment,product_defect,cancellation] J'ai vraiment eu peur de me retrouver dans le noir avec les enfants.", "Je crains le pire pour la suite.", "[billing,payment] Je crains le pire, franchement, avec ce qu'on lit sur les coupures pour impayé."],
             "short": ["[billing,payment,product_defect] Peur d'être coupé{e} en plein hiver.", "Ça m'a fait très peur."]},
    "surprise": {"written": ["Alors là, je ne m'y attendais vraiment pas !", "J'ai cru à une erreur en voyant ça, je n'en revenais pas."],
                 "short": ["Pas du tout prévu ça !", "Étonnée, dans un sens comme dans l'autre."]},
    "sadness": {"written": ["Ça me fait de la peine, vraiment, après tout ce temps.", "Je suis triste, c'est bête à dire pour un fournisseur, mais c'est vrai."],
                "short": ["Ça me rend triste.", "Un peu de tristesse."]},
    "disgust": {"written": ["C'est honteux, ça me dégoûte profondément.", "Franchement, ça me soulève le cœur, ces pratiques."],
                "short": ["Honteux et écœurant.", "Dégoûtant."]},
    "anger": {"written": ["Je suis en rage, vous n'imaginez même pas.", "C'EST UN SCANDALE ET JE SUIS EN COLÈRE !!!"],
              "short": ["Colère !!!", "Je suis en rage."]},
    "anticipation": {"written": ["Je guette la suite avec intérêt.", "J'attends de voir la suite, j'y crois."],
                     "short": ["J'attends la suite !", "Curieux{x} de voir la suite."]},
    "frustration": {"written": ["C'est épuisant de devoir tout réexpliquer à chaque fois.", "Ça me fatigue, je perds des heures au téléphone pour rien."],
                    "short": ["Épuisant.", "Ça me fatigue."]},
    "disappointment": {"written": ["J'attendais beaucoup mieux de votre part, sincèrement.", "Je suis déçu{e}, c'est le mot."],
                       "short": ["Pas à la hauteur.", "Bof, déçu{e}."]},
    "worry": {"written": ["J'ai peur que ça recommence le mois prochain, ça me travaille.", "Je me fais du souci, je ne vous le cache pas."],
              "short": ["Un peu d'inquiétude.", "Je me fais du souci."]},
    "confusion": {"written": ["J'ai relu trois fois votre courrier et je ne comprends toujours pas.", "Entre ce qu'on m'a dit au téléphone et ce que je lis, je ne sais plus quoi croire."],
                  "short": ["[billing,price,payment] Rien compris à la facture.", "Très confus{e}."]},
    "relief": {"written": ["Je suis rassuré{e}, un grand ouf.", "Ça y est, c'est réglé, je peux enfin passer à autre chose."],
               "short": ["Rassuré{e}.", "Ouf, réglé."]},
    "gratitude": {"written": ["Merci du fond du cœur.", "Je voulais vraiment vous dire merci, ce n'est pas si fréquent."],
                  "short": ["Merci du fond du cœur.", "Un grand merci à l'équipe."]},
}.items():
    for _k, _v in _d.items():
        EMOTIONS[_e][_k] = EMOTIONS[_e][_k] + _v

for _f, _d in {
    "childhood_friendship": {"intro": ["Quand j'étais petit{e}, on regardait vos pubs en famille, alors revenir chez vous adulte, c'est un peu rentrer à la maison.",
                                       "Mon grand-père avait le compteur {marque} dans le garage, je revois encore le releveur passer à vélo."],
                             "outro": ["Ça me fait sourire à chaque facture, c'est bête.", "Restez comme vous êtes, c'est un bout de mon enfance."]},
    "arranged_marriage": {"intro": ["On m'a attribué un logement de fonction avec le contrat {marque} déjà en place, je n'ai pas eu voix au chapitre.",
                                    "C'est la mutuelle de l'entreprise qui a négocié ce forfait pour tous les salariés, alors me voilà chez vous."],
                          "outro": ["On ne m'a pas demandé mon avis, mais je veux au moins un service correct.", "Je subis un choix qui n'est pas le mien, alors expliquez-moi clairement."]},
    "master_slave": {"intro": ["Je gère une entreprise de vingt salariés dont toutes les lignes sont chez vous, je n'ai pas de temps à perdre.",
                               "Je suis client{e} VIP, ce n'est pas pour rien : j'attends qu'on anticipe mes besoins."],
                     "outro": ["Je ne veux plus avoir à le redemander.", "Réglez ça, c'est pour ça que je vous paie."]},
    "secret_affair": {"intro": ["Personne chez moi ne sait que j'ai ouvert ce compte, j'y tiens beaucoup.",
                                "J'ai une ligne chez vous pour mon activité à côté, et je préfère que ça reste discret vis-à-vis de mon entourage."],
                      "outro": ["Merci de ne jamais mentionner ce compte si quelqu'un d'autre appelle.", "La discrétion, c'est vraiment la seule chose que je demande."]},
    "compartmentalised_friendship": {"intro": ["Je prends votre forfait mobile seulement pour mes déplacements à l'étranger, pour le reste j'ai autre chose.",
                                               "{marque}, pour moi, c'est la box de la maison de famille où on se retrouve l'été."],
                                     "outro": ["Pour ce rôle précis, vous êtes imbattables.", "Je ne mélange pas, et pour ça vous êtes parfaits."]},
    "casual_friends": {"intro": ["Je suis chez vous depuis {years} ans sans vraiment y penser, ça marche, c'est tout.",
                                 "Je n'ai pas d'avis très tranché sur {marque}, ça fait le boulot."],
                       "outro": ["Bonne continuation.", "À la prochaine, sans doute dans un an !"]},
    "basic_exchange": {"intro": ["Un fournisseur d'énergie, pour moi, c'est comme l'eau du robinet : ça doit couler au bon prix."],
                       "outro": ["Je compare chaque année, restez compétitifs et je reste."]},
    "fling": {"intro": ["Je suis là pour l'appli et les gadgets, soyons honnêtes, pas pour une histoire au long cours."],
              "outro": ["Une aventure, pas un mariage !"]},
    "courtship": {"intro": ["Je découvre {marque} depuis un mois, et je suis encore en train de me faire une idée."],
                  "outro": ["Les premières impressions comptent, faites-moi bonne impression."]},
    "rebound": {"intro": ["Je suis arrivé{e} chez vous en urgence après la résiliation brutale de {concurrent}, sans vraiment comparer."],
                "outro": ["Pour le moment, je respire."]},
}.items():
    for _k, _v in _d.items():
        FORMS[_f][_k] = FORMS[_f][_k] + _v
