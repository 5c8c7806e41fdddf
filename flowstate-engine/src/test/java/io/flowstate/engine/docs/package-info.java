/**
 * AWS's documented examples, run on Flowstate: one test class per page of the Step Functions developer guide
 * (https://docs.aws.amazon.com/step-functions/latest/dg/), each test a documented definition with its documented
 * input and the output or error the page gives. {@link io.flowstate.engine.docs.DocRun} runs a definition to its
 * end, answering task calls from a script and firing timers at once. Where a page and AWS's recorded behaviour
 * (the conformance corpus) disagree, the recording wins and the test's Javadoc says so.
 */
package io.flowstate.engine.docs;
