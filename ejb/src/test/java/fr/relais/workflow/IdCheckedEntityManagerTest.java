package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;

class IdCheckedEntityManagerTest {
    private final IdCheckedEntityManager manager = new IdCheckedEntityManager(new StrongUuidGenerator(), null);

    @Test
    void aValidIdPassesWithoutTheEntityBeingWrittenOut() {
        assertThatCode(() -> manager.validateId(entity("3f0c8a4e-0000-4000-8000-000000000001", true)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingOrReservedIdIsRefusedAsCamundaRefusesIt() {
        for (String id : new String[] {null, "*"}) {
            DbEntity entity = entity(id, false);
            // Camunda's own check and message (DbEntityManager.validateId)
            assertThatThrownBy(() -> manager.validateId(entity))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageStartingWith("Entity Probe[" + id + "] has an invalid id");
        }
    }

    /** An entity whose toString fails the test when {@code strict}: proof the message is not built. */
    private static DbEntity entity(String id, boolean strict) {
        return new DbEntity() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public void setId(String ignored) {}

            @Override
            public Object getPersistentState() {
                return id;
            }

            @Override
            public String toString() {
                if (strict) {
                    throw new AssertionError("toString called for a valid id");
                }
                return "Probe[" + id + "]";
            }
        };
    }
}
