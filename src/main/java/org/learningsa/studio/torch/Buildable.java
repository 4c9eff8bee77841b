package org.learningsa.studio.torch;

/** A whitelisted object whose state a pickle's BUILD sets (checked, never executed). */
interface Buildable {

    void build(Object state);
}
