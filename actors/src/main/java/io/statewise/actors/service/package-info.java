/** The runtime's asynchronous API for the operations layer: submit, inspect, cancel jobs, fetch models, predict. */
package io.statewise.actors.service;
