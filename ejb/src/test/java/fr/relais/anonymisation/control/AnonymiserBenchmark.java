package fr.relais.anonymisation.control;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One ~2,000-character narrative on one thread. Run with: mvn -pl ejb -am -Pbench -DskipTests verify */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AnonymiserBenchmark {

    private static final String NARRATIVE =
            "Bonjour, je m'appelle Sophie Martin, j'habite au 12 rue des Lilas, 75011 Paris. "
                    + "Mon conjoint, Julien Moreau, me frappe depuis deux ans. Hier soir il m'a menacée avec un couteau devant "
                    + "notre fille Rose. Vous pouvez me rappeler au 06 12 34 56 78, pas avant 18h car il est à la maison le "
                    + "matin. Il a aussi pris ma carte bancaire 4970 1000 0000 0014 et vidé le compte FR76 3000 6000 0112 3456 "
                    + "7890 189. Il m'écrit depuis julien.moreau75@gmail.com et publie des photos de moi sur "
                    + "https://www.instagram.com/julien_moreau_75 et sous le pseudo @ju_moreau. Ma mère, Mme Nathalie Lambert, "
                    + "née le 3 mars 1962, habite 19 boulevard de la Liberté, 35000 Rennes, et elle a peur pour moi. Il conduit "
                    + "une Peugeot 308 immatriculée AB-123-CD et parfois la vieille voiture de son frère, plaque 4521 TX 93. Mon "
                    + "numéro de sécurité sociale 2 93 02 75 115 042 43 a été utilisé pour ouvrir une ligne au 07.56.89.12.34 "
                    + "sans mon accord. La connexion venait de l'adresse 185.220.101.45 d'après mon opérateur. Je voudrais "
                    + "porter plainte mais je ne sais pas comment faire sans qu'il le sache. Mon voisin M. Lefèvre a entendu "
                    + "les cris plusieurs fois et il est prêt à témoigner. Ma sœur Camille peut m'héberger quelques jours à "
                    + "Lyon, au 3 bis avenue Victor-Hugo, 69003 Lyon, son téléphone est le +33 (0)6 45 78 12 36. J'ai gardé "
                    + "tous les messages et les photos de mes bleus. Le médecin, le Dr Haddad, m'a fait un certificat avec "
                    + "dix jours d'ITT. Je ne veux pas que Julien sache que j'ai appelé, il regarde mon téléphone tous les "
                    + "soirs. Est-ce que je peux venir au commissariat du 11e arrondissement demain matin avec ma sœur, ou "
                    + "est-ce qu'un policier peut me rappeler au 06 12 34 56 78 ? Il y a aussi un homme qui vient le voir le soir, "
                    + "un certain Karim Benali, avec un scooter noir immatriculé GH-452-KL, je crois qu'ils vendent quelque chose "
                    + "ensemble dans le parking de la résidence. Il m'a dit que si je parlais à la police, son ami viendrait me "
                    + "chercher au travail. Merci de votre aide.";

    private Anonymiser anonymiser;
    private ReporterIdentity reporter;
    /**
     * About 2,000 characters of generated narratives (seed {@link GeneratedCorpus#SEED}), with names no cue announces:
     * the part-of-speech model runs on several of its sentences.
     */
    private String generated;

    @Setup
    public void setUp() {
        anonymiser = new Anonymiser("benchmark-secret".getBytes(StandardCharsets.UTF_8));
        reporter = new ReporterIdentity("Sophie", "Martin", "0612345678", "sophie.martin75@gmail.com", null);
        StringBuilder sb = new StringBuilder();
        for (Corpus.Narrative n : GeneratedCorpus.generate(GeneratedCorpus.SEED, 40)) {
            if (sb.length() + n.text().length() > 2_000) {
                break;
            }
            sb.append(n.text()).append('\n');
        }
        generated = sb.toString();
    }

    @Benchmark
    public List<DetectedEntity> detectGenerated() {
        return anonymiser.detect(generated, ReporterIdentity.empty());
    }

    @Benchmark
    public List<DetectedEntity> detect() {
        return anonymiser.detect(NARRATIVE, reporter);
    }

    @Benchmark
    public AnonymisationResult anonymise() {
        return anonymiser.anonymise(NARRATIVE, reporter, Policy.failClosed());
    }
}
