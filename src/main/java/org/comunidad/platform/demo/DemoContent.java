package org.comunidad.platform.demo;

/**
 * A feature's part of the demo forum (local run and tests only): a SQL script, and what a
 * script cannot load (files in the object store). The demo runner (package demo) loads every
 * feature's part (CDI beans) into an empty database, scripts in {@link #order()} in one
 * transaction, then the rest; a feature adds its demo data by implementing this.
 */
public interface DemoContent {

    /** Lower loads first: the institution, then the people, what they wrote, their activity. */
    int order();

    /** A SQL script on the class path (demo/news.sql), or null. Rows are found by natural keys. */
    String script();

    /** After every script was committed and the object store is ready: what scripts cannot load. */
    default void loadAfterScripts() {
    }
}
