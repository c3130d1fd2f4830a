package io.statewise.actors.online;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of online jobs, read once from {@code statewise.actors.job.online} (see the module's reference.conf).
 *
 * @param checkpointRecords  a stream's records are checkpointed (persisted in the job) at least this often
 * @param checkpointInterval ... or this long after the checkpoint before, whichever comes first
 * @param readTimeout        a request whose body sends nothing for this long fails
 */
public record OnlineSettings(long checkpointRecords, Duration checkpointInterval, Duration readTimeout) {

    /** The dispatcher that reads posted records: its threads wait on the network, then fold what arrived. */
    public static final String RECORDS_DISPATCHER = "statewise.actors.records-dispatcher";

    public OnlineSettings {
        if (checkpointRecords < 1) {
            throw new IllegalArgumentException("checkpoint-records must be >= 1, got " + checkpointRecords);
        }
    }

    /** Reads {@code statewise.actors.job.online} from the root config. */
    public static OnlineSettings from(Config root) {
        Config c = root.getConfig("statewise.actors.job.online");
        return new OnlineSettings(c.getLong("checkpoint-records"), c.getDuration("checkpoint-interval"),
                c.getDuration("read-timeout"));
    }
}
