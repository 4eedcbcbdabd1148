require('inner'); require('dep-a');
