package fr.relais.workflow;

import fr.relais.supervision.boundary.HandoffRollup;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test deployment only (EngineIT): runs the handoffs' roll-up now instead of at its next five minutes. */
@WebServlet("/it/handoff-rollup")
public class HandoffRollupTrigger extends HttpServlet {
    @EJB
    HandoffRollup rollup;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        rollup.rollUp();
        response.setStatus(204);
    }
}
