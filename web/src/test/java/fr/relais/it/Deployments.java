package fr.relais.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one way Arquillian tests build their archive: the application's WAR as built, plus the test classes. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive relais(Class<?>... testClasses) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("relais.war")))
                .addClasses(testClasses)
                .addPackages(true, "org.assertj.core");
    }
}
