package io.numinia.consumer;

import java.util.List;

import io.numinia.cdk.baseline.NetworkProps;
import io.numinia.cdk.baseline.NuminiaBaseline;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/**
 * Distribution check, Java: a fresh CDK app using io.numinia:cdk-baseline as jsii-pacmak has just built it.
 *
 * <p>Usage: java -cp ... io.numinia.consumer.App &lt;outdir&gt;
 */
public final class App {
    private App() {
    }

    public static void main(final String[] args) {
        if (args.length != 1) {
            System.err.println("usage: App <outdir>");
            System.exit(2);
        }
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder().outdir(args[0]).build());
        Stack stack = new Stack(app, "numinia-production-baseline", StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region("eu-west-1")
                        .build())
                .description("Numinia production base infrastructure (VPC, EFS, KMS, bastion, logging)")
                .build());
        NuminiaBaseline.Builder.create(stack, "Baseline")
                .environment("production")
                .project("numinia")
                .network(NetworkProps.builder()
                        .cidr("10.0.0.0/16")
                        .availabilityZones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))
                        .privateSubnetCidrs(List.of("10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"))
                        .publicSubnetCidrs(List.of("10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"))
                        .build())
                .build();
        app.synth();
    }
}
