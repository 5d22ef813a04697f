/**
 * The node query language, with which monitors and maintenance windows target nodes: {@code tag:web AND os:linux},
 * {@code (tag:web OR tag:api) AND NOT name:canary-*}, {@code address:10.0.*}.
 *
 * <p>{@link io.vantage.inventory.query.NodeQueryParser} reads the text (the grammar is documented there) into a
 * {@link io.vantage.inventory.query.NodeQuery}, whose {@code toString()} is the canonical text to store.
 * {@link io.vantage.inventory.query.NodeQueryMatcher} evaluates a query against one node in memory;
 * {@link io.vantage.inventory.query.NodeQueryPredicates} turns it into a Hibernate Search predicate over the fields
 * named in {@link io.vantage.persistence.inventory.NodeIndex}. The two must agree, and the matcher is the reference.
 */
package io.vantage.inventory.query;
