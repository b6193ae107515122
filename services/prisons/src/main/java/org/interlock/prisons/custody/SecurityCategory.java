package org.interlock.prisons.custody;

/** Prison security categories, A (highest) to D (open conditions). */
public enum SecurityCategory {
    A, B, C, D
}
