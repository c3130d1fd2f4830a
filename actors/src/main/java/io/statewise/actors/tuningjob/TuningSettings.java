package io.statewise.actors.tuningjob;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of tuning jobs, read once from {@code statewise.actors.tuning} (see the module's reference.conf).
 *
 * @param pollInterval how often a tuning job asks its running children for their status
 */
public record TuningSettings(Duration pollInterval) {

    /** Reads {@code statewise.actors.tuning} from the root config. */
    public static TuningSettings from(Config root) {
        return new TuningSettings(root.getDuration("statewise.actors.tuning.poll-interval"));
    }
}
