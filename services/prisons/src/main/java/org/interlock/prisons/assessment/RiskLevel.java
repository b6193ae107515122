package org.interlock.prisons.assessment;

/** A structured professional judgement on one domain of extremism risk, or overall. */
public enum RiskLevel {
    LOW, MODERATE, HIGH
}
