package fr.relais.anonymisation.control;

import java.util.ArrayList;
import java.util.List;

final class Detections {

    private Detections() {}

    static List<String> values(Detector detector, String text) {
        return values(detector, text, ReporterIdentity.empty());
    }

    static List<String> values(Detector detector, String text, ReporterIdentity reporter) {
        List<DetectedEntity> out = new ArrayList<>();
        detector.detect(text, reporter, out);
        return out.stream().map(DetectedEntity::value).toList();
    }
}
