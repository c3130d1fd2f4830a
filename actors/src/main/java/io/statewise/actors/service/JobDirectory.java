package io.statewise.actors.service;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Lists the ids of every entity of one type (training jobs, tuning jobs) the journal knows, through the JDBC read
 * journal. The entities' persistence ids are {@code PersistenceId.of(typeKey.name(), entityId)}.
 */
public final class JobDirectory {
    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;
    private final String prefix;

    public JobDirectory(ActorSystem<?> system, EntityTypeKey<?> typeKey) {
        this.system = system;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
                JdbcReadJournal.Identifier());
        this.prefix = typeKey.name() + PersistenceId.DefaultSeparator();
    }

    /** Ids of every entity of the type with at least one event. */
    public CompletionStage<List<String>> jobIds() {
        return journal.currentPersistenceIds()
                .filter(id -> id.startsWith(prefix))
                .map(id -> id.substring(prefix.length()))
                .runWith(Sink.seq(), system);
    }
}
