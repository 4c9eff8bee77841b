/**
 * Many pairs in one run, resumable and split across a cluster's scheduler: a pairs CSV read into rows, the
 * rows a shard takes, per-row output folders that appear whole or not at all, the index rebuilt from those
 * folders. Between the front ends ({@code cli}, {@code ui.batch}) and the services ({@code align},
 * {@code export}, {@code editing}); it schedules nothing itself, the user's scheduler runs the shards.
 */
package org.learningsa.studio.batch;
