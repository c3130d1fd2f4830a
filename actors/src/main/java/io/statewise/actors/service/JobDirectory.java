package io.statewise.actors.service;

import io.statewise.actors.job.TrainingJob;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;

/** Lists the ids of every job the journal knows, through the JDBC read journal. */
final class JobDirectory {
    private static final String PREFIX = TrainingJob.TYPE_KEY.name() + PersistenceId.DefaultSeparator();

    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;

    JobDirectory(ActorSystem<?> system) {
        this.system = system;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
                JdbcReadJournal.Identifier());
    }

    /** Ids of every job with at least one event. */
    CompletionStage<List<String>> jobIds() {
        return journal.currentPersistenceIds()
                .filter(id -> id.startsWith(PREFIX))
                .map(id -> id.substring(PREFIX.length()))
                .runWith(Sink.seq(), system);
    }
}
