// Distribution check, Go: a fresh CDK app using github.com/numengames/numinia-cdk-baseline-go/numiniacdkbaseline as
// jsii-pacmak has just generated and built it into dist/go (go.mod points there with a replace directive).
//
// Usage: go run . <outdir>
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/numengames/numinia-cdk-baseline-go/numiniacdkbaseline"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: consumer <outdir>")
		os.Exit(2)
	}
	defer jsii.Close()

	// Like process.env.CDK_DEFAULT_ACCOUNT in TypeScript: nil (environment-agnostic account) when unset.
	var account *string
	if value, ok := os.LookupEnv("CDK_DEFAULT_ACCOUNT"); ok {
		account = jsii.String(value)
	}

	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(os.Args[1])})
	stack := awscdk.NewStack(app, jsii.String("numinia-production-baseline"), &awscdk.StackProps{
		Env:         &awscdk.Environment{Account: account, Region: jsii.String("eu-west-1")},
		Description: jsii.String("Numinia production base infrastructure (VPC, EFS, KMS, bastion, logging)"),
	})
	numiniacdkbaseline.NewNuminiaBaseline(stack, jsii.String("Baseline"), &numiniacdkbaseline.NuminiaBaselineProps{
		Environment: jsii.String("production"),
		Project:     jsii.String("numinia"),
		Network: &numiniacdkbaseline.NetworkProps{
			Cidr:               jsii.String("10.0.0.0/16"),
			AvailabilityZones:  jsii.Strings("eu-west-1a", "eu-west-1b", "eu-west-1c"),
			PrivateSubnetCidrs: jsii.Strings("10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"),
			PublicSubnetCidrs:  jsii.Strings("10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"),
		},
	})
	app.Synth(nil)
}
