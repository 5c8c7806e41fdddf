package io.flowstate.api.model;

/** A state machine's type. */
public enum StateMachineType { STANDARD, EXPRESS }
