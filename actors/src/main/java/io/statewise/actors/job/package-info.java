/**
 * The training job: an event-sourced sharded entity that owns a job's authoritative state, plans and schedules its
 * splits, merges each split's partial exactly once per epoch, and finalizes the model.
 */
package io.statewise.actors.job;
