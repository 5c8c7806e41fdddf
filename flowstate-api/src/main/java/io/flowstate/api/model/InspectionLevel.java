package io.flowstate.api.model;

/** How much TestState reports of a state's data processing. */
public enum InspectionLevel { INFO, DEBUG, TRACE }
