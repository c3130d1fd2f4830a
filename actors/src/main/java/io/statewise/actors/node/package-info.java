/** Starting a node: configuration layering, cluster join, sharding registration and resumption of unfinished jobs. */
package io.statewise.actors.node;
