package org.interlock.policy;

import java.util.List;

/**
 * Which person references the person index has found to be one person (ADR 0014): a merge names
 * a survivor and the references merged into it; an unmerge separates them again. The decision
 * point asks it for every decision about a person, so an answer must be a hash lookup.
 */
public interface PersonLinks {

    /** Nobody linked to anybody: every reference is a person of its own. */
    PersonLinks NONE = List::of;

    /**
     * Every reference of the same person, the one asked about first; just that one when it is
     * linked to no other.
     */
    List<String> identities(String person);
}
