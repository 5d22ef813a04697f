package io.vantage.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The built application's libraries (its EAR's {@code lib/}) in an Arquillian test deployment, so the services under
 * test see the same persistence, protocol and connector types the application does.
 */
final class ApplicationLibraries {

    private static final String PERSISTENCE_XML = "META-INF/persistence.xml";

    private ApplicationLibraries() {
    }

    /**
     * Adds every library of the EAR named by the {@code vantage.ear} system property to the deployment, each after
     * {@code adjust} has seen it.
     */
    static WebArchive addTo(WebArchive war, Consumer<JavaArchive> adjust) {
        EnterpriseArchive application = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("vantage.ear")));
        application.getContent(path -> path.get().startsWith("/lib/")).keySet().forEach(path -> {
            // renamed: an archive read from the EAR is named by its full path, which would nest it under WEB-INF/lib
            JavaArchive library = ShrinkWrap.create(JavaArchive.class, path.get().substring("/lib/".length()))
                    .merge(application.getAsType(JavaArchive.class, path));
            adjust.accept(library);
            war.addAsLibrary(library);
        });
        return war;
    }

    /** The types only: the application's own persistence unit stays the application's. */
    static void withoutPersistenceUnit(JavaArchive library) {
        library.delete(PERSISTENCE_XML);
    }

    /**
     * The application's persistence unit with Hibernate Search off: a test's unit must not open the application's
     * Lucene index directory, whose write lock the application holds.
     */
    static void withoutSearchIndex(JavaArchive library) {
        if (!library.contains(PERSISTENCE_XML)) {
            return;
        }
        try (InputStream in = library.get(PERSISTENCE_XML).getAsset().openStream()) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<properties>",
                    "<properties>\n      <property name=\"hibernate.search.enabled\" value=\"false\"/>");
            library.delete(PERSISTENCE_XML);
            library.addAsResource(new StringAsset(xml), PERSISTENCE_XML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
