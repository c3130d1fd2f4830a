/**
 * A job's history read from the journal alone (the JDBC read journal, no job entity): its events, its model
 * versions, and its state and model as of any event, rebuilt by replaying the events through the job's own fold.
 */
package io.statewise.actors.history;
