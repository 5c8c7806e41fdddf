package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The concrete names one case runs with: state machine, execution and Lambda function names, derived from the
 * case id so reruns are reproducible. The prefixes keep every name distinct and absent from the corpus, so
 * replacing them by placeholders in plain text is safe.
 *
 * @param stateMachine the state machine name
 * @param execution the execution name
 * @param lambdaNames Lambda function name by {@code needs.json} name token ({@code __LAMBDA_1_NAME__})
 * @param lambdaArns Lambda function ARN by {@code needs.json} ARN token ({@code __LAMBDA_1_ARN__})
 */
public record CaseNames(
        String stateMachine, String execution, Map<String, String> lambdaNames, Map<String, String> lambdaArns) {
    public CaseNames {
        requireNonNull(stateMachine, "stateMachine is null");
        requireNonNull(execution, "execution is null");
        lambdaNames = Map.copyOf(lambdaNames);
        lambdaArns = Map.copyOf(lambdaArns);
    }

    public static CaseNames of(ConformanceCase testCase) {
        String suffix = String.format("%08x", testCase.id().hashCode());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        int n = 1;
        for (LambdaNeed need : testCase.needs()) {
            String name = "fsconffn" + n++ + "x" + suffix;
            names.put(need.nameToken(), name);
            arns.put(need.arnToken(), Arns.lambdaFunction(name));
        }
        // No separators in the names: cases split $$.StateMachine.Name on '-' and expect the whole name back.
        return new CaseNames("fsconfsm" + suffix, "fsconfex" + suffix, names, arns);
    }

    /** Replaces the Lambda tokens of a definition or input by this case's ARNs and names. */
    public String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> arn : lambdaArns.entrySet()) {
            result = result.replace(arn.getKey(), arn.getValue());
        }
        for (Map.Entry<String, String> name : lambdaNames.entrySet()) {
            result = result.replace(name.getKey(), name.getValue());
        }
        return result;
    }
}
