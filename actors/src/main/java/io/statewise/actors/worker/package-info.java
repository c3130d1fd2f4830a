/** Worker entities: stream splits through an algorithm's update off the actor thread and return partial states. */
package io.statewise.actors.worker;
