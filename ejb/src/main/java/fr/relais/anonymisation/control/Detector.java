package fr.relais.anonymisation.control;

import java.util.List;

/** One kind of personal data. Implementations are stateless and thread-safe. */
interface Detector {

    void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out);
}
